import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'tests/fixtures/invalid-content');
const run = promisify(execFile);

describe('npm run check', () => {
	test('the demo handbook is valid; its one outdated translation, kept to show the warning, is its one warning', async () => {
		const result = await checkHandbook(root, { today: '2026-11-22' });
		expect(result.diagnostics.map(formatDiagnostic)).toEqual([
			'src/content/docs/zh-cn/replies/appeal-status.mdx:9:17  source_version  warning: translation may be outdated: it translates 1.0.1, but src/content/docs/replies/appeal-status.mdx is now at 1.0.2; update the translation, then set source_version and version to 1.0.2',
		]);
		expect(result.files).toBeGreaterThanOrEqual(8);
	});

	test('reports every error of the fixtures at its file, line and column', async () => {
		const result = await checkHandbook(fixture);
		expect(result.diagnostics.map(formatDiagnostic)).toEqual([
			'src/content/datasets/broken.yaml:5:3  columns  expected at least 2 items, found 1',
			'src/content/datasets/broken.yaml:5:25  columns[0].type  expected "DATE" | "VARCHAR" | "BIGINT" | "DOUBLE", found "TIMESTAMP"',
			'src/content/docs/bad-spec.mdx:4:5  id  expected a kebab-case id such as "live-gifting", found "Bad_Id"',
			'src/content/docs/bad-spec.mdx:6:9  status  expected "draft" | "active" | "deprecated", found "live"',
			'src/content/docs/bad-spec.mdx:7:10  version  expected a version such as "1.4.0", found "2.1"',
			'src/content/docs/bad-spec.mdx:8:12  effective  expected a real calendar date such as 2026-03-01, found "2026-13-01"',
			'src/content/docs/bad-spec.mdx:12:5  labels[0].definition  is required but missing (expected string)',
			'src/content/docs/bad-spec.mdx:14:15  labels[0].severity  expected "low" | "medium" | "high" | "critical", found "extreme"',
			'src/content/docs/bad-yaml.mdx:4:17  YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
			'src/content/docs/empty-labels.mdx:11:9  labels  expected at least 1 item, found 0',
			'src/content/docs/no-frontmatter.mdx:1:1  no frontmatter: the file must start with a line "---", the YAML, and a closing "---"',
			'src/content/docs/unknown-kind.mdx:3:7  kind  unknown kind "playbook": expected one of labeling-spec, escalation-flow, reply-script, sop, onboarding-path, metric-review, page',
			'src/content/docs/unreadable.mdx:1:1  cannot be read: it links to a file that does not exist',
		]);
	});

	test('the CLI exits 1 with a summary on errors, and 0 on a valid handbook', async () => {
		const failed = await run(process.execPath, ['scripts/check.ts', '--root', fixture], { cwd: root }).catch(
			(error: { code: number; stdout: string }) => error,
		);
		expect('code' in failed && failed.code).toBe(1);
		expect(failed.stdout).toMatch(/^check: 7 files, 13 errors, 0 warnings \(\d+ ms\)$/m);

		const passed = await run(process.execPath, ['scripts/check.ts', '--today', '2026-11-22'], { cwd: root });
		expect(passed.stdout).toMatch(/^check: \d+ files, 0 errors, 1 warning \(/m);
	});

	test('--json gives the same diagnostics for machines', async () => {
		const failed = await run(process.execPath, ['scripts/check.ts', '--json', '--root', fixture], { cwd: root }).catch(
			(error: { stdout: string }) => error,
		);
		const report = JSON.parse(failed.stdout);
		expect(report).toMatchObject({ files: 7, errors: 13, warnings: 0 });
		expect(report.diagnostics[2]).toEqual({
			file: 'src/content/docs/bad-spec.mdx',
			line: 4,
			column: 5,
			field: 'id',
			message: 'expected a kebab-case id such as "live-gifting", found "Bad_Id"',
			severity: 'error',
		});
	});
});

test('npm run stale lists documents past review, and --strict fails on them', async () => {
	const later = await run(process.execPath, ['scripts/stale.ts', '--today', '2027-02-10', '--strict'], { cwd: root }).catch((error: { code: number; stdout: string }) => error);
	expect('code' in later && later.code).toBe(1);
	expect(later.stdout).toContain('src/content/docs/flows/live-monetization-escalation.mdx  monetization-governance  review was due 2027-02-01 (9 days ago): LIVE monetization escalation');
	expect(later.stdout).toContain('src/content/docs/zh-cn/replies/appeal-status.mdx  live-service-ai  zh-CN translation of 1.0.1, source now 1.0.2: Appeals::Status of my appeal');
	expect(later.stdout).toMatch(/^stale: 14 of \d+ documents past their review date; \d+ due within 30 days; 1 translation outdated \(today 2027-02-10\)$/m);
	const now = await run(process.execPath, ['scripts/stale.ts', '--today', '2026-11-22', '--strict'], { cwd: root });
	expect(now.stdout).toMatch(/^stale: 0 of \d+ documents past their review date/m);
});
