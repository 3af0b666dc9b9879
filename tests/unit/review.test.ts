/**
 * The review report of a change, against golden files (tests/golden/review.md and .json; a
 * difference is written to review.md.changed for review, see tests/unit/golden.ts).
 * Also: the CODEOWNERS rule.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { reviewMarkdown } from '../../src/lib/review/markdown.ts';
import { release } from '../../src/lib/versions/release.ts';
import { reviewChange } from '../../src/lib/review/report.ts';
import { expectGolden } from './golden.ts';

const root = path.resolve(import.meta.dirname, '../..');
let repo: string;

/**
 * The demo handbook committed as a base, then a change: a label removed, a reply reworded, a
 * translation reworded, and a procedure moved on past its translation. The spec and the procedure
 * are frozen first, as the README asks; the reply is not, and the report must say so.
 */
beforeAll(async () => {
	repo = await mkdtemp(path.join(tmpdir(), 'opsbook-review-'));
	await cp(path.join(root, 'src/content'), path.join(repo, 'src/content'), { recursive: true });
	// The snapshot store the reviews pin: read, never changed, so linked rather than copied.
	await symlink(path.join(root, 'data'), path.join(repo, 'data'));
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'ignore' });
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', 'base');
	const edit = async (file: string, pairs: [string, string][]) => {
		let text = await readFile(path.join(repo, file), 'utf8');
		for (const [from, to] of pairs) {
			if (!text.includes(from)) throw new Error(`${file}: no "${from}"`);
			text = text.replace(from, to);
		}
		await writeFile(path.join(repo, file), text);
	};
	for (const file of ['specs/bot-intent-taxonomy.mdx', 'sops/vendor-calibration.mdx']) await release(path.join(repo, 'src/content/docs'), file, '2026-11-25');
	// Remove the match_ranking intent (and its tree leaf), without the major version it needs.
	await edit('src/content/docs/specs/bot-intent-taxonomy.mdx', [
		[/  - id: match_ranking[\s\S]*?(?=decision_tree:)/.exec(await readFile(path.join(repo, 'src/content/docs/specs/bot-intent-taxonomy.mdx'), 'utf8'))![0], ''],
		['- { answer: "No, about matches or rankings", label: match_ranking }', '- { answer: "No", label: report_user }'],
		['version: 3.1.0', 'version: 3.2.0'],
		['effective: 2026-11-18', 'effective: 2026-11-25'],
		['changelog:\n', 'changelog:\n  - { version: 3.2.0, date: 2026-11-25, summary: Matches and rankings move to the creator help centre., type: minor }\n'],
	]);
	// A translation reworded, and an English procedure moved on past its translation.
	await edit('src/content/docs/zh-cn/specs/live-gifting-fraud.mdx', [['正常打赏。', '普通的打赏行为。']]);
	await edit('src/content/docs/sops/vendor-calibration.mdx', [
		['Draw 50 hard cases', 'Draw 60 hard cases'],
		['version: 1.1.0', 'version: 1.1.1'],
		['effective: 2026-07-01', 'effective: 2026-11-25'],
		['changelog:\n', 'changelog:\n  - { version: 1.1.1, date: 2026-11-25, summary: A larger calibration sample., type: patch }\n'],
	]);
	await edit('src/content/docs/replies/payout-delay.mdx', [
		['Withdrawals usually arrive within 5 working days.', 'Most withdrawals arrive within 3 working days.'],
		['version: 1.1.0', 'version: 1.1.1'],
		['effective: 2026-08-20', 'effective: 2026-11-25'],
		['changelog:\n', 'changelog:\n  - { version: 1.1.1, date: 2026-11-25, summary: Faster payouts since the November bank switch., type: patch }\n'],
	]);
});
afterAll(() => rm(repo, { recursive: true, force: true }));

test('the review report of a change matches the golden Markdown and JSON', async () => {
	const report = await reviewChange(repo, 'HEAD', '2026-11-25');
	expect(report.check.errors).toBe(2);
	await expectGolden('review.md', reviewMarkdown(report));
	await expectGolden('review.json', `${JSON.stringify({ ...report, check: { ...report.check } }, null, '	')}
`);
});

test('a committed CODEOWNERS that no longer matches the owners fails the check', async () => {
	await mkdir(path.join(repo, '.github'), { recursive: true });
	await writeFile(path.join(repo, '.github/CODEOWNERS'), '/src/content/docs/specs/bot-intent-taxonomy.mdx @someone\n');
	const result = await checkHandbook(repo, { base: false, today: '2026-11-25' });
	expect(result.diagnostics.map(formatDiagnostic)).toContain(".github/CODEOWNERS:1:1  is out of date with the pages' owners; run npm run codeowners and commit the result");
	await rm(path.join(repo, '.github'), { recursive: true });
});
