/**
 * `npm run new-review -- <series>`: next week's page from the last one, pinned to the newest
 * snapshot, its commentary a placeholder the validator refuses; and every refusal in one line.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { formatAgainstTarget } from '../../src/lib/charts/format.ts';
import { nextPeriod, nextReview } from '../../src/lib/reviews/next.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-new-review-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the handbook whose bot store also lists next week's snapshot when `published`. */
async function project(name: string, published: boolean): Promise<string> {
	const copy = path.join(dir, name);
	await cp(path.join(root, 'src/content'), path.join(copy, 'src/content'), { recursive: true });
	await mkdir(path.join(copy, 'data/snapshots'), { recursive: true });
	for (const dataset of ['labeling_qa_weekly', 'issue_discovery_weekly', 'monetization_actions_weekly', 'teen_safety_eval']) {
		await symlink(path.join(root, 'data/snapshots', dataset), path.join(copy, 'data/snapshots', dataset));
	}
	await cp(path.join(root, 'data/snapshots/bot_service_daily'), path.join(copy, 'data/snapshots/bot_service_daily'), { recursive: true });
	if (published) {
		const file = path.join(copy, 'data/snapshots/bot_service_daily/manifest.json');
		const manifest = JSON.parse(await readFile(file, 'utf8'));
		manifest.snapshots.push({ ...manifest.snapshots.at(-1), as_of: '2026-11-22', file: '2026-11-22.parquet' });
		manifest.latest = '2026-11-22';
		await writeFile(file, JSON.stringify(manifest, null, '\t'));
		// The same bytes as the week before, under the manifest's checksum: new-review reads only the manifest.
		await cp(path.join(copy, 'data/snapshots/bot_service_daily/2026-11-15.parquet'), path.join(copy, 'data/snapshots/bot_service_daily/2026-11-22.parquet'));
	}
	return copy;
}

const cli = (cwd: string, ...args: string[]) =>
	promisify(execFile)(process.execPath, [path.join(root, 'scripts/new-review.ts'), ...args, '--root', cwd], { cwd }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);

test('starts next week from the last review: period moved on, newest snapshot, commentary a placeholder', async () => {
	const copy = await project('next', true);
	const result = await cli(copy, 'bot-service');
	expect(result.stderr).toBe('');
	expect(result.stdout).toBe(
		[
			'new-review: wrote src/content/docs/reviews/bot-service/2026-11-22.mdx',
			'  period 2026-11-16 to 2026-11-22, snapshot bot_service_daily@2026-11-22, from src/content/docs/reviews/bot-service/2026-11-15.mdx',
			'  next: replace the TODO(commentary) line with what moved and why, then npm run check && npm run build',
			'',
		].join('\n'),
	);
	const text = await readFile(path.join(copy, 'src/content/docs/reviews/bot-service/2026-11-22.mdx'), 'utf8');
	// The frontmatter is the last one's, line for line, but for the fields that move with the week.
	const last = await readFile(path.join(copy, 'src/content/docs/reviews/bot-service/2026-11-15.mdx'), 'utf8');
	const frontmatter = (page: string) => page.slice(0, page.indexOf('\n---\n', 4) + 5);
	expect(frontmatter(text)).toBe(
		frontmatter(last)
			.replace('weekly review, 9–15 Nov 2026', 'weekly review, 16–22 Nov 2026')
			.replace('Q&A bot, 9–15 Nov 2026.', 'Q&A bot, 16–22 Nov 2026.')
			.replace('id: bot-service-weekly-2026-11-15', 'id: bot-service-weekly-2026-11-22')
			.replace('effective: 2026-11-16\nreview_by: 2027-01-15', 'effective: 2026-11-23\nreview_by: 2027-01-22')
			.replace('period: { start: 2026-11-09, end: 2026-11-15, grain: week }', 'period: { start: 2026-11-16, end: 2026-11-22, grain: week }')
			.replace('snapshot: bot_service_daily@2026-11-15', 'snapshot: bot_service_daily@2026-11-22'),
	);
	expect(text).toMatch(/^---\ntitle: LIVE service bot — weekly review, 16–22 Nov 2026\n/);
	// Structure kept, prose gone, one placeholder after the tiles.
	expect(text).toContain("<KpiTiles metrics={['escalation_to_agent_rate', 'response_accuracy', 'resolution_rate', 'csat']} />\n\nTODO(commentary): what moved this week, and why. Give every figure with `<Value metric=\"…\" />`.\n");
	expect(text).toContain('## Escalation to agents\n\n<MetricChart metric="escalation_to_agent_rate"');
	expect(text).not.toContain('Thailand');
	expect(text.match(/TODO\(commentary\)/g)).toHaveLength(1);

	// The validator refuses the page until the owner writes the commentary, and only for that.
	const line = text.split('\n').findIndex((l) => l.startsWith('TODO(commentary)')) + 1;
	const errors = (await checkHandbook(copy, { today: '2026-11-23', base: false })).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
	expect(errors).toEqual([
		`src/content/docs/reviews/bot-service/2026-11-22.mdx:${line}:1  the commentary is still the placeholder npm run new-review left: write what moved and why (each figure as <Value metric="…" />), then delete the TODO(commentary) line`,
	]);
	await writeFile(
		path.join(copy, 'src/content/docs/reviews/bot-service/2026-11-22.mdx'),
		text.replace(/TODO\(commentary\).*/, 'Escalation fell to <Value metric="escalation_to_agent_rate" />. Accuracy held.'),
	);
	expect((await checkHandbook(copy, { today: '2026-11-23', base: false })).errors).toBe(0);

	// Run again, it would start the week after, which no snapshot reaches yet.
	const again = await cli(copy, 'bot-service');
	expect([again.code, again.stderr]).toEqual([
		1,
		"new-review: bot_service_daily@2026-11-22 ends before the next period (2026-11-23 to 2026-11-29); publish that week's export first: npm run snapshot -- --dataset bot_service_daily --input …\n",
	]);
});

test('refuses, in one line, a snapshot that does not reach the new week, an unpublished one and an unknown series', async () => {
	const copy = await project('refusals', false);
	expect(await cli(copy, 'bot-service')).toMatchObject({
		code: 1,
		stderr: 'new-review: bot_service_daily@2026-11-15 ends before the next period (2026-11-16 to 2026-11-22); publish that week\'s export first: npm run snapshot -- --dataset bot_service_daily --input …\n',
	});
	expect((await cli(copy, 'bot-service', '--snapshot', 'bot_service_daily@2026-11-29')).stderr).toMatch(
		/^new-review: snapshot bot_service_daily@2026-11-29 is not published; data\/snapshots\/bot_service_daily\/manifest.json lists bot_service_daily@2026-08-30, .*, bot_service_daily@2026-11-15\n$/,
	);
	expect(await cli(copy, 'bots')).toMatchObject({ code: 1, stderr: 'new-review: no reviews in src/content/docs/reviews/bots/ to start from (series: bot-service, labeling-quality)\n' });
	expect(await cli(copy)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^new-review: name one series\nusage: npm run new-review -- <series>/) });
});

test("keeps the author's frontmatter as written: comments, quoting, folded text and flow style; only the week's fields change", () => {
	const last = [
		'---',
		'# The weekly bot review; the owner rotates monthly.',
		'title: "LIVE service bot — weekly review, 9–15 Nov 2026"',
		'description: >-',
		'  Escalation and accuracy of the bot,',
		'  9–15 Nov 2026.',
		'kind: metric-review',
		"id: 'bot-service-weekly-2026-11-15'",
		'owner: live-service-ai   # the bot team',
		'status: active',
		'version: 1.2.0',
		'effective: 2026-11-16',
		'review_by: "2027-01-15"',
		'period: {start: 2026-11-09, end: 2026-11-15, grain: week}',
		'snapshot: bot_service_daily@2026-11-15',
		'metrics:',
		'  - escalation_to_agent_rate',
		'  - csat',
		'meeting: live-service-ai',
		'---',
		'',
		"<KpiTiles metrics={['csat']} />",
		'',
		'Escalation fell.',
		'',
	].join('\n');
	expect(nextReview(last, 'bot_service_daily@2026-11-22')).toEqual({
		period: { start: '2026-11-16', end: '2026-11-22' },
		text: [
			'---',
			'# The weekly bot review; the owner rotates monthly.',
			'title: "LIVE service bot — weekly review, 16–22 Nov 2026"',
			'description: >-',
			'  Escalation and accuracy of the bot,',
			'  16–22 Nov 2026.',
			'kind: metric-review',
			"id: 'bot-service-weekly-2026-11-22'",
			'owner: live-service-ai   # the bot team',
			'status: active',
			'version: 1.0.0',
			'effective: 2026-11-23',
			'review_by: "2027-01-22"',
			'period: {start: 2026-11-16, end: 2026-11-22, grain: week}',
			'snapshot: bot_service_daily@2026-11-22',
			'metrics:',
			'  - escalation_to_agent_rate',
			'  - csat',
			'meeting: live-service-ai',
			'---',
			'',
			"<KpiTiles metrics={['csat']} />",
			'',
			'TODO(commentary): what moved this week, and why. Give every figure with `<Value metric="…" />`.',
			'',
		].join('\n'),
	});
});

test('the next period of each grain', () => {
	expect(nextPeriod({ start: '2026-11-09', end: '2026-11-15' }, 'week')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
	expect(nextPeriod({ start: '2026-10-01', end: '2026-10-31' }, 'month')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
	expect(nextPeriod({ start: '2026-07-01', end: '2026-09-30' }, 'quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
});

test('a value that rounds to its target shows the digits that tell which side it is on', () => {
	expect(formatAgainstTarget(0.1002, 'ratio', 0.1)).toBe('10.02%');
	expect(formatAgainstTarget(0.09996, 'ratio', 0.1)).toBe('9.996%');
	expect(formatAgainstTarget(0.8996, 'ratio', 0.9)).toBe('89.96%');
	expect(formatAgainstTarget(0.1, 'ratio', 0.1)).toBe('10.0%');
	expect(formatAgainstTarget(0.1234, 'ratio', 0.1)).toBe('12.3%');
	expect(formatAgainstTarget(0.7996, 'score', 0.8)).toBe('0.7996');
	expect(formatAgainstTarget(72.04, 'hours', 72)).toBe('72.04 h');
	expect(formatAgainstTarget(null, 'ratio', 0.1)).toBe('–');
});
