/**
 * Every cross-reference resolves: owners and step teams to the teams registry, page ids to pages
 * of the right kind, reply-script intents to intent labels, snapshots to datasets, and glossary
 * terms used in page bodies to the glossary. Astro's `reference()` does not fail a build on a
 * missing entry; this check does.
 */
import { isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { parseSnapshotRef } from '../../schemas/snapshot-ref.ts';
import { translatedLangs } from '../i18n/locales.ts';
import { documentKindNames } from '../kinds.ts';
import { paths, type Handbook, type Located, type Page, type Report } from './handbook.ts';
import { duplicates, hint } from './suggest.ts';

export function checkReferences(handbook: Handbook, report: Report): void {
	// A page, dataset or glossary that failed to load may hold the id a reference names: until it
	// loads, such references are not judged (the load error already fails the run).
	const failed = [...handbook.failed];
	const pagesComplete = !failed.some((file) => file.startsWith(`${paths.docs}/`));
	const datasetsComplete = !failed.some((file) => file.startsWith(`${paths.datasets}/`));
	const glossaryComplete = !handbook.failed.has(paths.glossary);
	const teamIds = new Set(handbook.teams?.data.map((team) => team.id) ?? []);
	const pagesById = new Map<string, Page>();
	for (const page of handbook.pages) if (isLiveDocument(page.data) && !pagesById.has(page.data.id)) pagesById.set(page.data.id, page);

	if (handbook.teams) {
		for (const { index, first } of duplicates(handbook.teams.data, (team) => team.id)) {
			report.at(handbook.teams, [index, 'id'], `team id "${handbook.teams.data[index]!.id}" is used twice (first at line ${handbook.teams.source.locate([first, 'id']).line})`);
		}
	}
	const team = (located: Located<unknown>, path: PropertyKey[], id: string | undefined) => {
		if (id === undefined || !handbook.teams || teamIds.has(id)) return;
		report.at(located, path, `no team "${id}" in ${handbook.teams.file}${hint(id, teamIds)}`);
	};

	// Page ids are unique across the handbook.
	const byId = new Map<string, Page>();
	for (const page of handbook.pages) {
		if (!isLiveDocument(page.data)) continue;
		const first = byId.get(page.data.id);
		if (first) {
			const line = first.source.locate(['id']).line;
			report.at(page, ['id'], `page id "${page.data.id}" is already used by ${first.file}:${line}`);
		} else byId.set(page.data.id, page);
	}

	const intentLabels = new Set(
		handbook.pages.flatMap((page) =>
			page.data.kind === 'labeling-spec' && page.data.taxonomy === 'intent' && !page.data.archived_of ? page.data.labels.map((label) => label.id) : [],
		),
	);
	const datasetIds = new Set(handbook.datasets.map((entry) => entry.data.id));

	// Translations refer to the same pages and teams as their source; their own references are checked too.
	for (const page of [...handbook.pages, ...handbook.translations]) {
		const data = page.data;
		if (!isLiveDocument(data)) continue;
		team(page, ['owner'], data.owner);
		switch (data.kind) {
			case 'labeling-spec':
				if (data.escalates_to) pageOfKind(page, ['escalates_to'], data.escalates_to, 'escalation-flow');
				break;
			case 'escalation-flow':
				data.nodes.forEach((node, i) => team(page, ['nodes', i, 'team'], node.team));
				break;
			case 'sop':
				for (const { index, first } of duplicates(data.steps, (step) => step.id)) {
					report.at(page, ['steps', index, 'id'], `step id "${data.steps[index]!.id}" is used twice (first at line ${page.source.locate(['steps', first, 'id']).line})`);
				}
				data.steps.forEach((step, i) => team(page, ['steps', i, 'owner'], step.owner));
				if (data.raci) raci(page, data.raci);
				data.related.forEach((id, i) => pageOfKind(page, ['related', i], id));
				break;
			case 'reply-script':
				if (pagesComplete && !intentLabels.has(data.intent)) {
					report.at(page, ['intent'], `no intent "${data.intent}" in any labeling spec with taxonomy: intent${hint(data.intent, intentLabels)}`);
				}
				break;
			case 'onboarding-path':
				data.days.forEach((day, d) =>
					day.items.forEach((item, i) => {
						if (item.page) pageOfKind(page, ['days', d, 'items', i, 'page'], item.page);
						if (item.quiz) pageOfKind(page, ['days', d, 'items', i, 'quiz'], item.quiz, 'labeling-spec');
					}),
				);
				break;
			case 'metric-review': {
				team(page, ['audience'], data.audience);
				const { dataset } = parseSnapshotRef(data.snapshot);
				if (datasetsComplete && !datasetIds.has(dataset)) report.at(page, ['snapshot'], `no dataset "${dataset}" in src/content/datasets/${hint(dataset, datasetIds)}`);
				break;
			}
		}
	}
	for (const entry of handbook.datasets) team(entry, ['owner'], entry.data.owner);

	function raci(page: Page, matrix: NonNullable<DataOf<'sop'>['raci']>) {
		team(page, ['raci', 'accountable'], matrix.accountable);
		for (const role of ['responsible', 'consulted', 'informed'] as const) {
			matrix[role].forEach((id, i) => team(page, ['raci', role, i], id));
		}
	}

	function pageOfKind(page: Page, path: PropertyKey[], id: string, kind?: DocumentKind) {
		const target = pagesById.get(id);
		if (!target && !pagesComplete) return;
		if (!target) {
			report.at(page, path, `no page with id "${id}"${hint(id, pagesById.keys())}`);
		} else if (kind && target.data.kind !== kind) {
			const name = (k: DocumentKind) => documentKindNames[k].replace(/^[A-Z][a-z]/, (start) => start.toLowerCase());
			// "an SOP", "an escalation flow", "a reply script": by sound, so acronyms go by letter name.
			const article = (k: DocumentKind) => `${/^([aeiou]|[AEFHILMNORSX][A-Z])/.test(name(k)) ? 'an' : 'a'} ${name(k)}`;
			report.at(page, path, `page "${id}" is ${article(target.data.kind as DocumentKind)}, expected ${article(kind)}`);
		}
	}

	if (glossaryComplete) checkGlossaryTerms(handbook, report);
}

/** `<Term id="…">` in page bodies, and `see_also` in the glossary itself. */
function checkGlossaryTerms(handbook: Handbook, report: Report): void {
	const glossary = handbook.glossary;
	const termIds = new Set(glossary?.data.map((term) => term.id) ?? []);
	if (glossary) {
		for (const { index, first } of duplicates(glossary.data, (term) => term.id)) {
			report.at(glossary, [index, 'id'], `term id "${glossary.data[index]!.id}" is used twice (first at line ${glossary.source.locate([first, 'id']).line})`);
		}
		glossary.data.forEach((term, i) => {
			term.see_also.forEach((id, j) => {
				if (!termIds.has(id)) report.at(glossary, [i, 'see_also', j], `no glossary term "${id}"${hint(id, termIds)}`);
			});
			for (const lang of Object.keys(term.translations)) {
				if (!translatedLangs.includes(lang)) report.at(glossary, [i, 'translations', lang], `"${lang}" is not a translated language of the handbook (${translatedLangs.join(', ')})`);
			}
		});
	}
	for (const page of [...handbook.pages, ...handbook.translations]) {
		for (const match of page.body.matchAll(/<Term\b[^>]*?\bid=["']([^"']*)["']/g)) {
			const id = match[1]!;
			if (termIds.has(id)) continue;
			const before = page.body.slice(0, match.index);
			const line = page.bodyLine + (before.match(/\n/g)?.length ?? 0);
			const column = match.index - before.lastIndexOf('\n');
			report.add(page.file, line, column, '<Term>', `no glossary term "${id}" in src/content/glossary.yaml${hint(id, termIds)}`);
		}
	}
}
