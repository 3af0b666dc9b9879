/**
 * `npm run check` holds pages to the snapshots they pin: a ref the manifest does not list, a file
 * whose bytes differ from its manifest's checksum, and (against a git base) a pinned snapshot
 * removed or republished with other bytes are errors, at the page's line.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/checks/snapshots');
const git = (cwd: string, ...args: string[]) => promisify(execFile)('git', args, { cwd });
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-snapshot-checks-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The fixture with bot@2026-01-04, -11 and -18 published; `scale` changes the data. */
async function project(name: string, scale = 1): Promise<string> {
	const root = path.join(dir, name);
	await cp(fixture, root, { recursive: true });
	const dataset = await loadDataset(root, 'bot');
	for (const asOf of ['2026-01-04', '2026-01-11', '2026-01-18']) await publish(root, dataset, asOf, scale);
	return root;
}

async function publish(root: string, dataset: Awaited<ReturnType<typeof loadDataset>>, asOf: string, scale: number) {
	const days = Array.from({ length: 14 }, (_, i) => new Date(Date.parse(`${asOf}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10));
	const input = path.join(root, `export-${asOf}.csv`);
	await writeFile(input, `date,sessions\n${days.map((day, i) => `${day},${(100 + i) * scale}`).join('\n')}\n`);
	await buildSnapshot({ dataset, input, outDir: storeOf(root) });
	await rm(input);
}

const snapshotProblems = async (root: string, base?: string) =>
	(await checkHandbook(root, { today: '2026-01-20', base: base ?? false })).diagnostics
		.filter((d) => d.field === 'snapshot' || d.file.startsWith('data/'))
		.map(formatDiagnostic);

const sha = async (root: string, asOf: string) => (await readManifest(path.join(storeOf(root), 'bot')))!.snapshots.find((s) => s.as_of === asOf)!.sha256;

test('a ref the manifest does not list is an error at its line, listing the published refs', async () => {
	const root = await project('unlisted');
	expect(await snapshotProblems(root)).toEqual([
		'src/content/docs/notes.mdx:8:63  snapshot  snapshot "bot@2026-01-25" is not published; data/snapshots/bot/manifest.json lists bot@2026-01-04, bot@2026-01-11, bot@2026-01-18',
	]);
});

test('a snapshot file whose bytes differ from its manifest checksum is an error', async () => {
	const root = await project('corrupt');
	const file = path.join(storeOf(root), 'bot/2026-01-11.parquet');
	const bytes = await readFile(file);
	bytes[bytes.length - 20] ^= 0xff;
	await writeFile(file, bytes);
	const { createHash } = await import('node:crypto');
	const actual = createHash('sha256').update(bytes).digest('hex');
	const expected = await sha(root, '2026-01-11');
	const manifestText = await readFile(path.join(storeOf(root), 'bot/manifest.json'), 'utf8');
	const line = manifestText.slice(0, manifestText.indexOf('"as_of": "2026-01-11"')).split('\n').length;
	expect(await snapshotProblems(root)).toEqual([
		`data/snapshots/bot/2026-01-11.parquet:1:1  does not match its manifest checksum (sha256 ${actual.slice(0, 12)}…, data/snapshots/bot/manifest.json:${line} says ${expected.slice(0, 12)}…); a published snapshot never changes: restore it with git checkout -- data/snapshots/bot/2026-01-11.parquet`,
		'src/content/docs/notes.mdx:8:63  snapshot  snapshot "bot@2026-01-25" is not published; data/snapshots/bot/manifest.json lists bot@2026-01-04, bot@2026-01-11, bot@2026-01-18',
	]);
});

test('against a git base, removing a pinned snapshot or republishing it with other bytes is an error', async () => {
	const root = await project('base');
	await git(root, 'init', '-q', '-b', 'main');
	await git(root, 'add', '-A');
	await git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'base');
	const before = await sha(root, '2026-01-11');
	// Remove bot@2026-01-18 as a careless clean-up would: its file and its manifest entry.
	const manifestFile = path.join(storeOf(root), 'bot/manifest.json');
	const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
	manifest.snapshots = manifest.snapshots.filter((s: { as_of: string }) => s.as_of !== '2026-01-18');
	manifest.latest = '2026-01-11';
	await writeFile(manifestFile, JSON.stringify(manifest, null, '\t'));
	await rm(path.join(storeOf(root), 'bot/2026-01-18.parquet'));
	// And publish other data as of 2026-01-11, over the pinned snapshot.
	await publish(root, await loadDataset(root, 'bot'), '2026-01-11', 2);
	const after = await sha(root, '2026-01-11');
	expect(after).not.toBe(before);

	const unlisted = 'src/content/docs/notes.mdx:8:63  snapshot  snapshot "bot@2026-01-25" is not published; data/snapshots/bot/manifest.json lists bot@2026-01-04, bot@2026-01-11';
	expect(await snapshotProblems(root)).toEqual([
		unlisted,
		'src/content/docs/review-2026-01-18.mdx:11:11  snapshot  snapshot "bot@2026-01-18" is not published; data/snapshots/bot/manifest.json lists bot@2026-01-04, bot@2026-01-11',
	]);
	expect(await snapshotProblems(root, 'HEAD')).toEqual([
		unlisted,
		`src/content/docs/review-2026-01-11.mdx:11:11  snapshot  snapshot "bot@2026-01-11" was republished since HEAD with other bytes (sha256 ${after.slice(0, 12)}…, was ${before.slice(0, 12)}…), and this page pins it: publish corrected data under a new --as-of instead`,
		'src/content/docs/review-2026-01-18.mdx:11:11  snapshot  snapshot "bot@2026-01-18" is not published; data/snapshots/bot/manifest.json lists bot@2026-01-04, bot@2026-01-11',
		'src/content/docs/review-2026-01-18.mdx:11:11  snapshot  snapshot "bot@2026-01-18" was removed since HEAD, but this page pins it: a pinned snapshot stays published; restore it with git checkout HEAD -- data/snapshots/bot',
	]);
});
