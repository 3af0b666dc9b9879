/**
 * The version rules against a git base, each on a temporary repository: a base commit of a small
 * valid handbook, then one change, then `checkHandbook(…, { base: 'HEAD' })`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';

const label = (id: string) => `  - id: ${id}
    name: ${id}
    definition: The ${id} label.
    severity: low
    examples:
      - { text: a, verdict: positive, rationale: r }
      - { text: b, verdict: negative, rationale: r }`;

const spec = ({ version = '1.0.0', effective = '2026-01-01', labels = ['a', 'b'], changelog = [] as string[], archived = '' } = {}) => `---
title: Spec
kind: labeling-spec
id: spec
owner: ops
status: active
version: ${version}
effective: ${effective}
review_by: 2027-06-01
queue: q
escalates_to: flow
${archived}labels:
${labels.map(label).join('\n')}
changelog:
${[...changelog, '  - { version: 1.0.0, date: 2026-01-01, summary: First version., type: major }'].join('\n')}
---
`;

const flow = `---
title: Flow
kind: escalation-flow
id: flow
owner: ops
status: active
version: 1.0.0
effective: 2026-01-01
review_by: 2027-06-01
nodes:
  - { id: start, type: start, text: Start }
  - { id: end, type: end, text: End }
edges:
  - { from: start, to: end }
---
`;

const base: Record<string, string> = {
	'src/content/teams.yaml': '- { id: ops, name: Ops, description: Runs queues., contact: "#ops" }\n',
	'src/content/docs/spec.mdx': spec(),
	'src/content/docs/flow.mdx': flow,
	'src/content/docs/spec/versions/0.9.0.mdx': spec({ version: '0.9.0', archived: 'archived_of: spec\n' }),
};

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A repository with `base` committed, then `change` applied to the work tree (null deletes). */
async function repoWith(change: Record<string, string | null>): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-versions-'));
	dirs.push(dir);
	const write = async (file: string, text: string) => {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), text);
	};
	for (const [file, text] of Object.entries(base)) await write(file, text);
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', 'base');
	for (const [file, text] of Object.entries(change)) {
		if (text === null) await rm(path.join(dir, file));
		else await write(file, text);
	}
	return dir;
}

const check = async (change: Record<string, string | null>) =>
	(await checkHandbook(await repoWith(change), { base: 'HEAD', today: '2026-11-22' })).diagnostics.map(formatDiagnostic);

const entry = (version: string, type: string) => `  - { version: ${version}, date: 2026-02-01, summary: Changed., type: ${type} }`;

describe('version rules against a git base', () => {
	test('the base itself, and a well-versioned change, pass', async () => {
		expect(await check({})).toEqual([]);
		expect(await check({ 'src/content/docs/spec.mdx': spec({ version: '1.1.0', labels: ['a', 'b', 'c'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([]);
	});

	test('a structural change without a version step', async () => {
		expect(await check({ 'src/content/docs/spec.mdx': spec({ labels: ['a'] }) })).toEqual([
			'src/content/docs/spec.mdx:7:10  version  the structure changed since HEAD (label `b` removed) but the version is still 1.0.0: a major change needs 2.0.0',
		]);
	});

	test('a step smaller than the change needs', async () => {
		expect(await check({ 'src/content/docs/spec.mdx': spec({ version: '1.1.0', labels: ['a'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([
			'src/content/docs/spec.mdx:7:10  version  1.0.0 → 1.1.0 is a minor step, but label `b` removed needs a major one: 2.0.0',
		]);
	});

	test('a new version without its changelog entry', async () => {
		expect(await check({ 'src/content/docs/spec.mdx': spec({ version: '1.1.0', labels: ['a', 'b', 'c'] }) })).toEqual([
			'src/content/docs/spec.mdx:35:3  changelog  no changelog entry for 1.1.0; add one with its date, a summary and type: minor',
		]);
	});

	test('an effective date that moves back', async () => {
		expect(await check({ 'src/content/docs/spec.mdx': spec({ effective: '2025-12-01' }) })).toEqual([
			'src/content/docs/spec.mdx:8:12  effective  effective moves back from 2026-01-01 (at HEAD) to 2025-12-01; it may only move forward',
		]);
	});

	test('an archived copy that is changed, or deleted', async () => {
		expect(await check({ 'src/content/docs/spec/versions/0.9.0.mdx': spec({ version: '0.9.0', archived: 'archived_of: spec\n', labels: ['a'] }) })).toEqual([
			'src/content/docs/spec/versions/0.9.0.mdx:1:1  archived version changed since HEAD; archived copies are frozen: release a new version instead',
		]);
		expect(await check({ 'src/content/docs/spec/versions/0.9.0.mdx': null })).toEqual([
			'src/content/docs/spec/versions/0.9.0.mdx:1:1  archived version deleted since HEAD; archived copies are frozen and stay',
		]);
	});

	test('a deleted page that others still refer to', async () => {
		expect(await check({ 'src/content/docs/flow.mdx': null })).toEqual([
			'src/content/docs/flow.mdx:1:1  page "flow" is deleted but still referred to by src/content/docs/spec.mdx',
			'src/content/docs/spec.mdx:11:15  escalates_to  no page with id "flow" (known: spec)',
		]);
	});

	test('an unknown base is an error; no repository means the rules are skipped', async () => {
		const dir = await repoWith({});
		const unknown = await checkHandbook(dir, { base: 'nope', today: '2026-11-22' });
		expect(unknown.diagnostics.map(formatDiagnostic)).toEqual(['.:1:1  --base nope: no such revision in this repository']);
		const skipped = await checkHandbook(path.resolve(import.meta.dirname, '../fixtures/checks/dates'), { today: '2026-11-22' });
		expect(skipped.base).toBeUndefined();
	});
});
