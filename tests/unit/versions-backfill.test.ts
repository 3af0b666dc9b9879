/**
 * `npm run release -- --backfill`: a page whose changelog lists versions that were never archived
 * gets them back from its git history — the last text each version had, through a rename — and
 * those the history never held are marked `archived: false`. On a temporary repository whose
 * history is written commit by commit.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const commits: Record<string, string> = {};

const spec = (version: string, effective: string, { definition = 'The a label.', changelog = [] as string[], labels = true } = {}) => `---
title: Spec
kind: labeling-spec
id: spec
owner: ops
status: active
version: ${version}
effective: ${effective}
review_by: 2027-06-01
queue: q
${
	labels
		? `labels:
  - id: a
    name: A
    definition: ${definition}
    severity: low
    examples:
      - { text: a, verdict: positive, rationale: r }
      - { text: b, verdict: negative, rationale: r }
`
		: ''
}changelog:
${changelog.join('\n')}
---

import Term from '../../components/Term.astro';

Version ${version}.
`;

const entry = (version: string, date: string) => `  - { version: ${version}, date: ${date}, summary: Version ${version}., type: minor }`;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-backfill-'));
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim();
	const write = async (file: string, text: string) => {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), text);
	};
	const commit = async (name: string, date: string, files: Record<string, string>) => {
		for (const [file, text] of Object.entries(files)) await write(file, text);
		git('add', '-A');
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', name], { cwd: dir, env: { ...process.env, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z` } });
		commits[name] = git('rev-parse', 'HEAD');
	};
	git('init', '-q', '-b', 'main');
	const teams = { 'src/content/teams.yaml': '- { id: ops, name: Ops, description: Runs queues., contact: "#ops" }\n' };
	const old = 'src/content/docs/old/spec.mdx';
	const now = 'src/content/docs/specs/spec.mdx';
	// 0.9.0 as committed no longer passes today's schema (it had no labels yet).
	await commit('0.9.0', '2026-01-05', { ...teams, [old]: spec('0.9.0', '2026-01-05', { labels: false, changelog: [entry('0.9.0', '2026-01-05')] }) });
	await commit('1.0.0', '2026-02-01', { [old]: spec('1.0.0', '2026-02-01', { changelog: [entry('1.0.0', '2026-02-01')] }) });
	await commit('1.0.0 typo', '2026-02-03', { [old]: spec('1.0.0', '2026-02-01', { definition: 'The a label, spelt right.', changelog: [entry('1.0.0', '2026-02-01')] }) });
	// Moved to specs/ with 1.1.0, its import path adjusted to the new folder's depth.
	await rm(path.join(dir, old));
	await commit('1.1.0 moved', '2026-04-01', { [now]: spec('1.1.0', '2026-04-01', { changelog: [entry('1.1.0', '2026-04-01'), entry('1.0.0', '2026-02-01')] }).replace("'../../components/Term.astro'", "'../../../components/Term.astro'") });
	// Today: 2.0.0, whose changelog also remembers 0.9.0, and 0.5.0, which was never committed.
	await write(now, spec('2.0.0', '2026-06-01', { changelog: [entry('2.0.0', '2026-06-01'), entry('1.1.0', '2026-04-01'), entry('1.0.0', '2026-02-01'), entry('0.9.0', '2026-01-05'), entry('0.5.0', '2025-12-01')] }).replace("'../../components/Term.astro'", "'../../../components/Term.astro'"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const release = (...args: string[]) =>
	promisify(execFile)(process.execPath, [path.join(root, 'scripts/release.ts'), '--root', dir, ...args], { cwd: root }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);

describe('backfill from git history', () => {
	test('before: the validator names every version without a copy', async () => {
		const result = await checkHandbook(dir, { base: false, today: '2026-06-02' });
		expect(result.diagnostics.map(formatDiagnostic).map((line) => line.replace(/ \(src.*$/, ''))).toEqual([
			'src/content/docs/specs/spec.mdx:21:16  changelog[1].version  1.1.0 has no archived copy',
			'src/content/docs/specs/spec.mdx:22:16  changelog[2].version  1.0.0 has no archived copy',
			'src/content/docs/specs/spec.mdx:23:16  changelog[3].version  0.9.0 has no archived copy',
			'src/content/docs/specs/spec.mdx:24:16  changelog[4].version  0.5.0 has no archived copy',
		]);
	});

	test('--dry-run says what it would do and writes nothing', async () => {
		const before = await readFile(path.join(dir, 'src/content/docs/specs/spec.mdx'), 'utf8');
		const { code, stdout } = await release('--backfill', 'spec', '--dry-run');
		expect(code).toBe(1);
		expect(stdout).toContain(`release: spec 1.1.0 would be recovered from commit ${commits['1.1.0 moved']!.slice(0, 10)} (2026-04-01) → src/content/docs/specs/spec/versions/1.1.0.mdx`);
		await expect(readFile(path.join(dir, 'src/content/docs/specs/spec.mdx'), 'utf8')).resolves.toBe(before);
	});

	test('recovers each version as last committed, through the rename; marks the one git never had; leaves the invalid one to a person', async () => {
		const { code, stdout, stderr } = await release('--backfill', 'spec');
		expect(stdout.trim().split('\n')).toEqual([
			`release: spec 1.1.0 recovered from commit ${commits['1.1.0 moved']!.slice(0, 10)} (2026-04-01) → src/content/docs/specs/spec/versions/1.1.0.mdx`,
			`release: spec 1.0.0 recovered from commit ${commits['1.0.0 typo']!.slice(0, 10)} (2026-02-03) → src/content/docs/specs/spec/versions/1.0.0.mdx`,
			'release: spec 0.5.0 is not in the git history: marked archived: false in src/content/docs/specs/spec.mdx',
			'release: check with npm run check, then commit the copies and the changelog with your change.',
		]);
		expect(stderr.trim().split('\n')).toEqual([
			`release: spec 0.9.0 found in commit ${commits['0.9.0']!.slice(0, 10)}, but it no longer passes the page schema:`,
			'  src/content/docs/old/spec.mdx:2:1  labels  is required but missing (expected array)',
			'  fix the copy by hand, or mark the version archived: false',
		]);
		expect(code).toBe(1);
		const copy = await readFile(path.join(dir, 'src/content/docs/specs/spec/versions/1.0.0.mdx'), 'utf8');
		// The text after the typo fix, its import rebased from old/ (then) to specs/spec/versions/ (now).
		expect(copy).toContain('definition: The a label, spelt right.');
		expect(copy).toContain("import Term from '../../../../components/Term.astro';");
		expect(copy).toContain(`recovered from the repository's history (commit ${commits['1.0.0 typo']!.slice(0, 10)} of 2026-02-03)`);
		expect(copy).toMatch(/^archived_of: spec$/m);
		const page = await readFile(path.join(dir, 'src/content/docs/specs/spec.mdx'), 'utf8');
		expect(page).toContain('  - { version: 0.5.0, date: 2025-12-01, summary: Version 0.5.0., type: minor, archived: false }');
	});

	test('after: only the version left to a person is reported; a second run has nothing to do', async () => {
		const result = await checkHandbook(dir, { base: false, today: '2026-06-02' });
		expect(result.diagnostics.map(formatDiagnostic).map((line) => line.replace(/ \(src.*$/, ''))).toEqual(['src/content/docs/specs/spec.mdx:23:16  changelog[3].version  0.9.0 has no archived copy']);
		const again = await release('--backfill', 'spec');
		expect(again.stdout).not.toContain('recovered');
	});
});

describe('npm run release refuses what would keep the wrong text', () => {
	let repo: string;
	beforeAll(async () => {
		repo = await mkdtemp(path.join(tmpdir(), 'opsbook-release-'));
		await mkdir(path.join(repo, 'src/content/docs'), { recursive: true });
		await writeFile(path.join(repo, 'src/content/teams.yaml'), '- { id: ops, name: Ops, description: Runs queues., contact: "#ops" }\n');
		await writeFile(path.join(repo, 'src/content/docs/spec.mdx'), spec('1.0.0', '2026-02-01', { changelog: [entry('1.0.0', '2026-02-01')] }));
		await writeFile(path.join(repo, 'src/content/docs/draft.mdx'), spec('0.1.0', '2026-12-01', { changelog: [entry('0.1.0', '2026-12-01')] }).replace('id: spec', 'id: draft').replace('status: active', 'status: draft'));
		const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
		git('init', '-q', '-b', 'main');
		git('add', '-A');
		git('commit', '-qm', 'base');
	});
	afterAll(() => rm(repo, { recursive: true, force: true }));
	const releaseIn = (...args: string[]) =>
		promisify(execFile)(process.execPath, [path.join(root, 'scripts/release.ts'), '--root', repo, ...args], { cwd: root }).then(
			({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
			(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
		);

	test('a draft: nothing is in force to freeze', async () => {
		await expect(releaseIn('draft')).resolves.toEqual({
			code: 1,
			stdout: '',
			stderr: 'release: draft is a draft, never in force: there is nothing to freeze yet. Set status: active when it comes into force.\n',
		});
	});

	test('an edit not yet committed, still under the released number', async () => {
		await writeFile(path.join(repo, 'src/content/docs/spec.mdx'), `${spec('1.0.0', '2026-02-01', { changelog: [entry('1.0.0', '2026-02-01')] })}\nAn edit.\n`);
		const { code, stderr } = await releaseIn('spec');
		expect(code).toBe(1);
		expect(stderr).toBe(
			'release: src/content/docs/spec.mdx has changed since the last commit and is still version 1.0.0: freezing it now would keep your edits as 1.0.0. Raise the version and add its changelog entry, then run npm run release -- --backfill spec: it recovers 1.0.0 as committed.\n',
		);
	});
});
