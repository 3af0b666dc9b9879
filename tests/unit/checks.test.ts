/**
 * One fixture handbook per class of content error (tests/fixtures/checks/<class>/), each with the
 * exact lines `npm run check` must print: file, line, column, field and message.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/checks');
const check = async (name: string) =>
	(await checkHandbook(path.join(fixtures, name), { today: '2026-11-22' })).diagnostics.map(formatDiagnostic);

describe('the validator reports every error of each class at its place', () => {
	test('every cross-reference resolves: teams, pages of the right kind, intents, datasets, glossary terms, metric columns; dimension domains are well formed', async () => {
		expect(await check('references')).toEqual([
			'src/content/datasets/bot.yaml:3:8  owner  no team "analytics" in src/content/teams.yaml (known: ops, policy)',
			'src/content/datasets/bot.yaml:6:60  columns[1].domain  only a VARCHAR dimension may declare a domain; "sessions" is a BIGINT measure',
			'src/content/datasets/bot.yaml:7:60  columns[2].domain  "(other)" is what small rows are rolled up into; it cannot be a value of the export',
			'src/content/datasets/bot.yaml:7:67  columns[2].domain[2]  "a" is listed twice in the domain of "queue" (also item 1)',
			'src/content/docs/path.mdx:15:17  days[0].items[1].page  no page with id "sop-two" (known: intents, path-one, review-one, sop-one)',
			'src/content/docs/reply.mdx:10:9  intent  no intent "refnd" in any labeling spec with taxonomy: intent; did you mean "refund"?',
			'src/content/docs/review.mdx:11:11  snapshot  no dataset "bot_daily" in src/content/datasets/ (known: bot)',
			'src/content/docs/review.mdx:13:10  meeting  no team "nobody" in src/content/teams.yaml (known: ops, policy)',
			'src/content/docs/sop.mdx:10:20  related[1]  no page with id "missing-page" (known: intents, path-one, review-one, sop-one)',
			'src/content/docs/sop.mdx:12:36  steps[0].owner  no team "legal" in src/content/teams.yaml (known: ops, policy)',
			'src/content/docs/sop.mdx:13:11  steps[1].id  step id "one" is used twice (first at line 12)',
			'src/content/docs/sop.mdx:14:42  raci.accountable  no team "polcy" in src/content/teams.yaml; did you mean "policy"?',
			'src/content/docs/spec.mdx:5:5  id  page id "intents" is already used by src/content/docs/reply.mdx:4',
			'src/content/docs/spec.mdx:6:8  owner  no team "opps" in src/content/teams.yaml; did you mean "ops"?',
			'src/content/docs/spec.mdx:12:15  escalates_to  page "sop-one" is an SOP, expected an escalation flow',
			'src/content/docs/spec.mdx:23:47  <Term>  no glossary term "kappa" in src/content/glossary.yaml (known: calibration, gold-set)',
			'src/content/glossary.yaml:1:86  [0].see_also[0]  no glossary term "calibratoin"; did you mean "calibration"?',
			'src/content/metrics.yaml:5:14  [0].numerator  uses "resolvd", which is not a measure of bot (known: sessions)',
			'src/content/metrics.yaml:10:15  [0].thresholds  for a higher is better metric, expected critical ≤ warn ≤ target; found critical 0.6, warn 0.75, target 0.7',
			'src/content/metrics.yaml:11:16  [0].dimensions[0]  "market" is not a dimension of bot (known: queue)',
			'src/content/metrics.yaml:16:12  [1].dataset  no dataset "nowhere" in src/content/datasets/ (known: bot)',
		]);
	});

	test('escalation flows: one start, reachable steps, exits, edges to real steps, no unmarked cycle, SLA durations', async () => {
		expect(await check('flows')).toEqual([
			'src/content/docs/bad-sla.mdx:11:45  nodes[0].sla  expected a duration such as "15m", "4h" or "2d", found "15 minutes"',
			'src/content/docs/broken-graph.mdx:12:5  nodes[1]  decision "triage" has 1 answer; a decision needs at least two edges, each with "when"',
			'src/content/docs/broken-graph.mdx:13:53  nodes[2].team  no team "legal" in src/content/teams.yaml (known: ops, policy)',
			'src/content/docs/broken-graph.mdx:15:5  nodes[4]  step "orphan" cannot be reached from the start "report"',
			'src/content/docs/broken-graph.mdx:16:5  nodes[5]  step "again" cannot be reached from the start "report"',
			'src/content/docs/broken-graph.mdx:16:24  nodes[5].type  a second start "again"; the flow has exactly one start ("report")',
			'src/content/docs/broken-graph.mdx:17:5  nodes[6]  step "done" cannot be reached from the start "report"',
			'src/content/docs/broken-graph.mdx:18:11  nodes[7].id  step id "act" is used twice (first at line 13)',
			'src/content/docs/broken-graph.mdx:23:5  edges[3]  edge stuck → triage closes a cycle (triage → act → stuck → triage); mark it "loop: true" if the flow really goes back',
			'src/content/docs/broken-graph.mdx:26:13  edges[6].from  "done" is an end step; an end has no way out',
			'src/content/docs/broken-graph.mdx:27:25  edges[7].to  no step "nowhere" in this flow (known: act, again, done, orphan, report, stuck, triage)',
			'src/content/docs/no-start.mdx:11:3  nodes  the flow has no step of type "start"; exactly one is needed',
		]);
	});

	test('labeling specs: unique labels, positive and negative examples, tree leaves are labels and reach every label', async () => {
		expect(await check('specs')).toEqual([
			'src/content/docs/spec.mdx:17:7  labels[0].examples  label "spam" needs at least one positive and one negative example (has 1 positive, 0 negative)',
			'src/content/docs/spec.mdx:25:5  labels[2].examples  label "spam" needs at least one positive and one negative example (has 0 positive, 0 negative)',
			'src/content/docs/spec.mdx:25:9  labels[2].id  label id "spam" is used twice (first at line 12)',
			'src/content/docs/spec.mdx:29:9  labels[3].id  label "orphan_label" is not a leaf of the decision tree, so no labeler reaches it',
			'src/content/docs/spec.mdx:39:7  decision_tree.answers[0]  answer "Yes" has both "label" and "next"; it leads to one of them',
			'src/content/docs/spec.mdx:47:14  decision_tree.answers[1].label  no label "scma" in this spec; did you mean "scam"?',
			'src/content/docs/spec.mdx:48:7  decision_tree.answers[2]  answer "Unsure" leads nowhere; give it a "label" or a "next" question',
		]);
	});

	test('reply scripts: placeholders declared and used, balanced braces, locales, length, banned phrases', async () => {
		expect(await check('replies')).toEqual([
			'src/content/docs/reply.mdx:15:13  placeholders[2].name  placeholder "name" is declared twice (first at line 13)',
			'src/content/docs/reply.mdx:17:3  variants  missing locale zh-CN (an active reply script needs en, zh-CN)',
			'src/content/docs/reply.mdx:18:11  variants[0].text  en: contains "guarantee": Replies never promise an outcome.',
			'src/content/docs/reply.mdx:18:11  variants[0].text  en: uses {{days}}, which is not declared in placeholders (known: link, name)',
			'src/content/docs/reply.mdx:19:13  variants[1].locale  locale "en" has two variants; keep one',
			'src/content/docs/reply.mdx:22:11  variants[2].text  pt-BR: 143 characters; a bot reply has at most 120',
			'src/content/docs/reply.mdx:22:11  variants[2].text  pt-BR: the brace at character 20 ("ame}}, veja {link}} e {{") is not part of a placeholder; placeholders are written {{name}}, a snake_case name in double braces',
		]);
	});

	test('dates: effective before review_by, periods in order, stale pages warned (deprecated ones are not)', async () => {
		expect(await check('dates')).toEqual([
			'src/content/docs/dates.mdx:9:12  review_by  review_by 2026-03-01 is before effective 2026-06-01',
			'src/content/docs/dates.mdx:9:12  review_by  warning: stale: the review was due on 2026-03-01 (266 days ago); review the page, then move review_by forward',
			'src/content/docs/review.mdx:9:12  review_by  warning: stale: the review was due on 2026-11-01 (21 days ago); review the page, then move review_by forward',
			'src/content/docs/review.mdx:10:35  period.end  the period ends (2026-01-01) before it starts (2026-01-07)',
			'src/content/docs/review.mdx:11:11  snapshot  snapshot "bot@2026-01-07" is not published: there is no data/snapshots/bot/manifest.json; publish it with npm run snapshot -- --dataset bot --input …',
		]);
	});

	test('a schema error hides nothing else in its file: references, graphs, dates and changelogs of its valid fields are checked in the same run', async () => {
		expect(await check('all-at-once')).toEqual([
			'src/content/docs/flow.mdx:11:5  nodes[0]  step "start" (start) has no way out: add an edge from it, or make it an end',
			'src/content/docs/flow.mdx:11:51  nodes[0].team  no team "trust" in src/content/teams.yaml (known: ops)',
			'src/content/docs/flow.mdx:12:5  nodes[1]  step "end" cannot be reached from the start "start"',
			'src/content/docs/flow.mdx:14:24  edges[0].to  no step "triage" in this flow (known: end, start)',
			'src/content/docs/flow.mdx:16:57  severity_levels[0].acknowledge  expected a duration such as "15m", "4h" or "2d", found "soon"',
			'src/content/docs/path.mdx:2:1  learners  is required but missing (expected string)',
			'src/content/docs/path.mdx:13:17  days[0].items[0].page  no page with id "nowhere" (known: flow, new-spec, path, reply)',
			'src/content/docs/reply.mdx:10:9  intent  no intent "refund" in any labeling spec with taxonomy: intent',
			'src/content/docs/reply.mdx:11:10  channel  expected "bot" | "agent", found "chat"',
			'src/content/docs/reply.mdx:14:25  variants[0].text  en: uses {{name}}, which is not declared in placeholders',
			'src/content/docs/spec.mdx:5:8  owner  no team "ai-data-opps" in src/content/teams.yaml (known: ops)',
			'src/content/docs/spec.mdx:6:9  status  expected "draft" | "active" | "deprecated", found "live"',
			'src/content/docs/spec.mdx:9:12  review_by  review_by 2027-01-01 is before effective 2027-02-01',
			'src/content/docs/spec.mdx:11:15  escalates_to  no page with id "gift-flow" (known: flow, new-spec, path, reply)',
			'src/content/docs/spec.mdx:18:7  labels[0].examples  label "a" needs at least one positive and one negative example (has 1 positive, 0 negative)',
			"src/content/docs/spec.mdx:20:16  changelog[0].version  2.2.0 is above the page's own version 0.1.0: a changelog lists only the versions this page has had; remove the entries copied from another page",
		]);
	});

	test('changelogs: newest first, each version once, none above the page\'s own, the current one dated effective, every earlier one kept or marked lost', async () => {
		expect(await check('changelogs')).toEqual([
			"src/content/docs/copied.mdx:20:16  changelog[0].version  2.2.0 is above the page's own version 0.1.0: a changelog lists only the versions this page has had; remove the entries copied from another page",
			"src/content/docs/copied.mdx:21:16  changelog[1].version  2.1.0 is above the page's own version 0.1.0: a changelog lists only the versions this page has had; remove the entries copied from another page",
			"src/content/docs/kept.mdx:20:97  changelog[0].archived  3.0.0 is this page's own version, and its text is this page: remove archived: false",
			'src/content/docs/kept.mdx:21:101  changelog[1].archived  2.0.0 has an archived copy (src/content/docs/kept/versions/2.0.0.mdx): remove archived: false',
			'src/content/docs/kept.mdx:22:16  changelog[2].version  1.0.0 has no archived copy (src/content/docs/kept/versions/1.0.0.mdx): recover it from git with npm run release -- --backfill kept; if its text is lost, that marks it archived: false',
			'src/content/docs/kept/versions/1.5.0.mdx:7:10  version  an archived copy of 1.5.0, a version the changelog of src/content/docs/kept.mdx does not list; add its entry there',
			'src/content/docs/order.mdx:20:29  changelog[0].date  2.0.0 is effective 2026-06-01, but its changelog entry is dated 2026-05-01; what was in force on a day is read from the changelog: make them the same day',
			'src/content/docs/order.mdx:21:29  changelog[1].date  1.5.0 is dated 2026-05-15, after 2.0.0 (2026-05-01); a version comes into force before the ones that follow it',
			'src/content/docs/order.mdx:22:16  changelog[2].version  1.6.0 is listed below 1.5.0; the changelog is newest first',
			'src/content/docs/order.mdx:23:16  changelog[3].version  version 1.5.0 is listed twice (first at line 21)',
		]);
	});

	test('--strict turns stale warnings into errors', async () => {
		const result = await checkHandbook(path.join(fixtures, 'dates'), { today: '2026-11-22', strict: true });
		expect(result).toMatchObject({ errors: 5, warnings: 0 });
		expect(result.diagnostics.filter((d) => d.message.startsWith('stale')).map((d) => d.severity)).toEqual(['error', 'error']);
	});

	test('translations: a source at the same path, its id, kind and version, the version translated, the same structure; outdated ones warned', async () => {
		expect(await check('translations')).toEqual([
			'src/content/docs/english.mdx:8:17  source_version  is for translations, under a locale folder such as zh-cn/; an English page translates nothing: remove it',
			'src/content/docs/zh-cn/guide.mdx:3:7  kind  expected no kind (src/content/docs/guide.mdx is a plain page), found "sop"',
			'src/content/docs/zh-cn/more.mdx:4:5  id  expected id "more-one", the id of src/content/docs/more.mdx: a translation keeps its source\'s id',
			'src/content/docs/zh-cn/more.mdx:7:10  version  a translation carries the version it translates: expected 1.0.0 (source_version), found 1.0.1',
			'src/content/docs/zh-cn/orphan.mdx:1:1  translates src/content/docs/orphan.mdx, which does not exist; a translation sits at the path of its English page, under the locale folder',
			'src/content/docs/zh-cn/other.mdx:7:10  version  a translation records the version of src/content/docs/other.mdx it translates: add source_version: 1.2.0',
			'src/content/docs/zh-cn/path.mdx:15:17  days[0].items[0].page  differs from src/content/docs/path.mdx (version 1.0.0), which has "sop-one" at days[0].items[0].page, where this translation has "sop-uno"; a translation changes only the words',
			'src/content/docs/zh-cn/path.mdx:15:17  days[0].items[0].page  no page with id "sop-uno"; did you mean "sop-one"?',
			'src/content/docs/zh-cn/path.mdx:16:17  days[0].items[1].quiz  differs from src/content/docs/path.mdx (version 1.0.0), which has "spec-one" at days[0].items[1].quiz, where this translation has "sop-one"; a translation changes only the words',
			'src/content/docs/zh-cn/path.mdx:16:17  days[0].items[1].quiz  page "sop-one" is an SOP, expected a labeling spec',
			'src/content/docs/zh-cn/sop.mdx:8:17  source_version  warning: translation may be outdated: it translates 1.0.0, but src/content/docs/sop.mdx is now at 2.0.0; update the translation, then set source_version and version to 2.0.0',
			'src/content/docs/zh-cn/spec.mdx:16:15  labels[0].severity  differs from src/content/docs/spec.mdx (version 1.1.0), which has "high" at labels[0].severity, where this translation has "medium"; a translation changes only the words',
			'src/content/docs/zh-cn/spec.mdx:20:9  labels[1].id  differs from src/content/docs/spec.mdx (version 1.1.0), which has "fine" at labels[1].id, where this translation has "ok"; a translation changes only the words',
			'src/content/docs/zh-cn/spec.mdx:29:34  <Term>  no glossary term "goldset" in src/content/glossary.yaml; did you mean "gold-set"?',
			'src/content/docs/zh-cn/third.mdx:8:17  source_version  src/content/docs/third.mdx has no version 1.1.0 (it has 1.2.0)',
			'src/content/glossary.yaml:10:9  [1].translations.fr  "fr" is not a translated language of the handbook (zh-CN)',
			'src/content/i18n/fr.json:1:1  "fr" is not a language of the handbook (en, zh-CN); languages are set in src/lib/i18n/locales.ts',
			'src/content/i18n/zh-CN.json:1:1  warning: 2 UI strings not translated yet, shown in English: opsbook.spec.labels, opsbook.path.kept',
			'src/content/i18n/zh-CN.json:2:24  opsbook.spec.label  no UI string "opsbook.spec.label" in src/content/i18n/en.json; did you mean "opsbook.spec.labels"?',
			'src/content/i18n/zh-CN.json:3:24  opsbook.quiz.score  uses {{right}} where the English string uses {{right}}, {{total}}; keep the same values',
			'src/content/i18n/zh-CN.json:4:27  opsbook.spec.quizLink  the English string marks its link as <link>…</link>; mark the linked words the same way',
		]);
	});

	test('onboarding path items: a page to read or a quiz to pass, one of the two, never a draft in a path in force; a language without UI strings is warned', async () => {
		expect(await check('path-items')).toEqual([
			'src/content/docs/path.mdx:15:9  days[0].items[1]  has both page: and quiz:; an item is a page to read or a quiz to pass, so split it in two',
			'src/content/docs/path.mdx:15:32  days[0].items[1].quiz  no page with id "spec-one" (known: path-draft, path-one, sop-one, spec-draft)',
			'src/content/docs/path.mdx:16:9  days[0].items[2]  needs page: (the id of a page to read) or quiz: (the id of a labeling spec whose quiz to pass)',
			'src/content/docs/path.mdx:17:17  days[0].items[3].page  "spec-draft" is a draft, not in force: a path in force sends readers only to documents in force. Take the item out until spec-draft is active, or make the path a draft too',
			'src/content/docs/path.mdx:18:17  days[0].items[4].quiz  "spec-draft" is a draft, not in force, and has no quiz yet: a path in force sends readers only to documents in force. Take the item out until spec-draft is active, or make the path a draft too',
			'src/content/i18n/zh-CN.json:1:1  warning: no UI strings for zh-CN: its readers see every label in English; copy en.json and translate it',
		]);
	});
});
