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
import type { Handbook, Page } from '../../src/lib/checks/handbook.ts';
import { unarchivedEdit } from '../../src/lib/checks/versions.ts';
import { pageSchema, type DataOf } from '../../src/schemas/page.ts';
import { archiveCopy } from '../../src/lib/versions/release.ts';

const label = (id: string) => `  - id: ${id}
    name: ${id}
    definition: The ${id} label.
    severity: low
    examples:
      - { text: a, verdict: positive, rationale: r }
      - { text: b, verdict: negative, rationale: r }`;

const spec = ({ version = '1.0.0', effective = '2026-01-01', labels = ['a', 'b'], changelog = [] as string[], archived = '', definition = '' } = {}) => `---
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
${labels.map(label).join('\n')}${definition}
changelog:
${[
	...changelog,
	...(version === '0.9.0' ? [] : ['  - { version: 1.0.0, date: 2026-01-01, summary: First version., type: major }']),
	'  - { version: 0.9.0, date: 2025-10-01, summary: A pilot., type: major }',
].join('\n')}
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
	'src/content/docs/spec/versions/0.9.0.mdx': spec({ version: '0.9.0', effective: '2025-10-01', archived: 'archived_of: spec\n' }),
};

/** 1.0.0 frozen before the change, as the README asks: `npm run release -- spec` on the base. */
const released = { 'src/content/docs/spec/versions/1.0.0.mdx': archiveCopy(base['src/content/docs/spec.mdx']!, 'spec.mdx', { archivedOn: '2026-02-01' }).text };

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
		expect(await check({ ...released, 'src/content/docs/spec.mdx': spec({ version: '1.1.0', effective: '2026-02-01', labels: ['a', 'b', 'c'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([]);
	});

	test('a structural change without a version step', async () => {
		expect(await check({ ...released, 'src/content/docs/spec.mdx': spec({ labels: ['a'] }) })).toEqual([
			'src/content/docs/spec.mdx:7:10  version  the structure changed since HEAD (label `b` removed) but the version is still 1.0.0: a major change needs 2.0.0',
		]);
	});

	test('a step smaller than the change needs', async () => {
		expect(await check({ ...released, 'src/content/docs/spec.mdx': spec({ version: '1.1.0', effective: '2026-02-01', labels: ['a'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([
			'src/content/docs/spec.mdx:7:10  version  1.0.0 → 1.1.0 is a minor step, but label `b` removed needs a major one: 2.0.0',
		]);
	});

	test('a new version without its changelog entry', async () => {
		expect(await check({ ...released, 'src/content/docs/spec.mdx': spec({ version: '1.1.0', labels: ['a', 'b', 'c'] }) })).toEqual([
			'src/content/docs/spec.mdx:35:3  changelog  no changelog entry for 1.1.0; add one with its date, a summary and type: minor',
		]);
	});

	test('an effective date that moves back', async () => {
		expect(await check({ ...released, 'src/content/docs/spec.mdx': spec({ effective: '2025-12-01' }) })).toEqual([
			'src/content/docs/spec.mdx:8:12  effective  effective moves back from 2026-01-01 (at HEAD) to 2025-12-01; it may only move forward',
			'src/content/docs/spec.mdx:28:29  changelog[0].date  1.0.0 is effective 2025-12-01, but its changelog entry is dated 2026-01-01; what was in force on a day is read from the changelog: make them the same day',
		]);
	});

	test('an archived copy that is changed, or deleted', async () => {
		expect(await check({ 'src/content/docs/spec/versions/0.9.0.mdx': spec({ version: '0.9.0', effective: '2025-10-01', archived: 'archived_of: spec\n', labels: ['a'] }) })).toEqual([
			'src/content/docs/spec/versions/0.9.0.mdx:1:1  archived version changed since HEAD; archived copies are frozen: release a new version instead',
		]);
		expect(await check({ 'src/content/docs/spec/versions/0.9.0.mdx': null })).toEqual([
			'src/content/docs/spec.mdx:29:16  changelog[1].version  0.9.0 has no archived copy (src/content/docs/spec/versions/0.9.0.mdx): recover it from git with npm run release -- --backfill spec; if its text is lost, that marks it archived: false',
			'src/content/docs/spec/versions/0.9.0.mdx:1:1  archived version deleted since HEAD; archived copies are frozen and stay',
		]);
	});

	test('a skipped release: a page in force edited without its version archived first', async () => {
		// A new version: the changelog lists 1.0.0, which has no copy.
		expect(await check({ 'src/content/docs/spec.mdx': spec({ version: '1.1.0', effective: '2026-02-01', labels: ['a', 'b', 'c'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([
			'src/content/docs/spec.mdx:36:16  changelog[1].version  1.0.0 has no archived copy (src/content/docs/spec/versions/1.0.0.mdx): recover it from git with npm run release -- --backfill spec; if its text is lost, that marks it archived: false',
		]);
		// The same version, its prose edited in place: readers would see the edit as 1.0.0.
		expect(await check({ 'src/content/docs/spec.mdx': `${spec()}\nA clarifying paragraph.\n` })).toEqual([
			'src/content/docs/spec.mdx:7:10  version  the page is edited but is still 1.0.0, the version in force at HEAD: readers of 1.0.0 would see the edit. Raise the version and add its changelog entry, then run npm run release -- --backfill spec to keep 1.0.0 as it was',
		]);
		// Marked lost, though the base has it.
		const marked = spec({ version: '1.1.0', effective: '2026-02-01', changelog: [entry('1.1.0', 'patch')], definition: '\n    not: Anything else.' }).replace('First version., type: major }', 'First version., type: major, archived: false }');
		expect(await check({ 'src/content/docs/spec.mdx': marked })).toEqual([
			'src/content/docs/spec.mdx:30:89  changelog[1].archived  1.0.0 was in force at HEAD, so git has its text: remove archived: false and run npm run release -- --backfill spec',
		]);
		// A draft is not in force: editing it needs no archive.
		const draft = (text: string) => text.replace('status: active', 'status: draft');
		const dir = await repoWith({});
		await writeFile(path.join(dir, 'src/content/docs/spec.mdx'), draft(base['src/content/docs/spec.mdx']!));
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'draft'], { cwd: dir });
		await writeFile(path.join(dir, 'src/content/docs/spec.mdx'), `${draft(spec())}\nA clarifying paragraph.\n`);
		expect((await checkHandbook(dir, { base: 'HEAD', today: '2026-11-22' })).diagnostics.map(formatDiagnostic)).toEqual([]);
	});

	test('a metric review is a dated report, not a rule in force: editing it needs no archive', () => {
		const review = pageSchema.parse({
			kind: 'metric-review', title: 'Week 46', id: 'week-46', owner: 'ops', status: 'active', version: '1.0.0', effective: '2026-11-16', review_by: '2027-01-01',
			period: { start: '2026-11-09', end: '2026-11-15', grain: 'week' }, snapshot: 'bot@2026-11-15', metrics: ['csat'],
		}) as DataOf<'metric-review'>;
		const page = { file: 'src/content/docs/review.mdx', data: review, body: '\nNew commentary.\n' } as Page;
		const old = { file: page.file, text: '---\n---\nOld commentary.\n', data: review };
		expect(unarchivedEdit(page, old, { pages: [page] } as unknown as Handbook)).toBeUndefined();
		expect(unarchivedEdit({ ...page, data: { ...review, kind: 'sop', steps: [], related: [] } } as unknown as Page, { ...old, data: { ...review, kind: 'sop' } as never }, { pages: [] } as unknown as Handbook)).toBe('1.0.0');
	});

	test('an archive frozen after the edit is not the version as it was, and is refused', async () => {
		const edited = spec({ labels: ['a', 'b', 'c'] });
		const late = { 'src/content/docs/spec/versions/1.0.0.mdx': archiveCopy(edited, 'spec.mdx', { archivedOn: '2026-02-01' }).text };
		expect(await check({ ...late, 'src/content/docs/spec.mdx': spec({ version: '1.1.0', effective: '2026-02-01', labels: ['a', 'b', 'c'], changelog: [entry('1.1.0', 'minor')] }) })).toEqual([
			'src/content/docs/spec/versions/1.0.0.mdx:1:1  is not version 1.0.0 as it was at HEAD: it was frozen after the page was edited. Delete it and run npm run release -- --backfill spec, which recovers 1.0.0 from git',
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
