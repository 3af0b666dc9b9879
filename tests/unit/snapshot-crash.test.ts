/**
 * A snapshot run killed at any point of its write leaves the earlier snapshot and manifest as they
 * were (after the recovery every later run starts with), and a run that gets to the end leaves a
 * manifest whose checksum matches its file. The kill is real: the CLI SIGKILLs itself at the named
 * step (OPSBOOK_TEST_CRASH_AT), as `kill -9` or a power cut would.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { recoverSnapshots } from '../../src/lib/snapshot/store.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { sha256File } from '../../src/lib/snapshot/write.ts';
import { sampleRows, writeCsv } from './snapshot-inputs.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let before: string;
let after: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-crash-'));
	const rows = sampleRows();
	before = await writeCsv(path.join(dir, 'before.csv'), rows);
	after = await writeCsv(path.join(dir, 'after.csv'), rows.filter((row) => row.market !== 'TH'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runCli(out: string, crashAt: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['scripts/snapshot.ts', '--dataset', 'bot_service_daily', '--input', after, '--out', out], {
			cwd: root,
			env: { ...process.env, OPSBOOK_TEST_CRASH_AT: crashAt },
			stdio: 'ignore',
		});
		child.on('exit', (code, signal) => resolve({ code, signal }));
	});
}

const steps = ['after-parquet', 'before-rename:2026-11-15.parquet', 'before-rename:manifest.json'];

test.each(steps)('killed at %s: the earlier snapshot and manifest are intact', async (step) => {
	const out = path.join(dir, step.replace(/[^a-z0-9]+/gi, '-'));
	const folder = path.join(out, 'bot_service_daily');
	await buildSnapshot({ dataset: await loadDataset(root, 'bot_service_daily'), input: before, outDir: out });
	const parquet = await readFile(path.join(folder, '2026-11-15.parquet'));
	const manifest = await readFile(path.join(folder, 'manifest.json'));

	expect(await runCli(out, step)).toEqual({ code: null, signal: 'SIGKILL' });
	// The manifest is never half-written and still describes the earlier snapshot.
	expect(await readFile(path.join(folder, 'manifest.json'))).toEqual(manifest);

	await recoverSnapshots(folder);
	expect(await readFile(path.join(folder, '2026-11-15.parquet'))).toEqual(parquet);
	expect(await readFile(path.join(folder, 'manifest.json'))).toEqual(manifest);
	expect((await readdir(folder)).sort()).toEqual(['2026-11-15.parquet', 'manifest.json']);
});

test('killed after the manifest is written: the new snapshot is complete and consistent', async () => {
	const out = path.join(dir, 'after-manifest');
	const folder = path.join(out, 'bot_service_daily');
	await buildSnapshot({ dataset: await loadDataset(root, 'bot_service_daily'), input: before, outDir: out });
	const old = await readManifest(folder);

	expect(await runCli(out, 'after-manifest')).toEqual({ code: null, signal: 'SIGKILL' });
	await recoverSnapshots(folder);
	const manifest = await readManifest(folder);
	expect(manifest!.snapshots[0]!.sha256).not.toBe(old!.snapshots[0]!.sha256);
	expect(await sha256File(path.join(folder, '2026-11-15.parquet'))).toBe(manifest!.snapshots[0]!.sha256);
	expect((await readdir(folder)).sort()).toEqual(['2026-11-15.parquet', 'manifest.json']);
});
