/**
 * Two `npm run snapshot` runs at once on one store, as two real processes: the second waits for
 * the first, says so in one line, and neither loses the other's manifest entry or files.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { sampleRows, writeCsv } from './snapshot-inputs.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
	const child = spawn(process.execPath, ['scripts/snapshot.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
	return { child, done, output: () => stdout };
}

test('a second run waits for the first, and the manifest keeps both entries', { timeout: 120_000 }, async () => {
	const store = path.join(dir, 'store');
	const rows = sampleRows(21);
	const early = await writeCsv(path.join(dir, 'early.csv'), rows.filter((row) => String(row.date) <= '2026-11-08'));
	const late = await writeCsv(path.join(dir, 'late.csv'), rows);
	const release = path.join(dir, 'release');
	const first = run(['--dataset', 'bot_service_daily', '--input', early, '--out', store], { OPSBOOK_TEST_HOLD_LOCK_UNTIL: release });
	while (!existsSync(path.join(store, '.lock'))) await new Promise((resolve) => setTimeout(resolve, 20));
	const second = run(['--dataset', 'bot_service_daily', '--input', late, '--out', store]);
	// The first run holds the store until the second has said it waits.
	while (!second.output().includes('waiting')) await new Promise((resolve) => setTimeout(resolve, 20));
	await writeFile(release, '');
	const [a, b] = await Promise.all([first.done, second.done]);
	expect(a.code, a.stderr).toBe(0);
	expect(b.code, b.stderr).toBe(0);
	const waiting = b.stdout.split('\n').filter((line) => line.includes('waiting'));
	expect(waiting).toEqual([
		expect.stringMatching(new RegExp(`^snapshot: bot_service_daily: waiting for another npm run snapshot \\(pid ${first.child.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\) to finish writing ${store}$`)),
	]);
	const manifest = await readManifest(path.join(store, 'bot_service_daily'));
	expect(manifest?.snapshots.map((entry) => entry.as_of)).toEqual(['2026-11-08', '2026-11-15']);
	expect((await readdir(path.join(store, 'bot_service_daily'))).sort()).toEqual(['2026-11-08.parquet', '2026-11-15.parquet', 'manifest.json']);
	expect(existsSync(path.join(store, '.lock'))).toBe(false);
});

test('a store held by a live run past the wait is refused in one line', async () => {
	const store = path.join(dir, 'held');
	await mkdir(store, { recursive: true });
	await writeFile(path.join(store, '.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-16 09:00:00' }));
	const input = await writeCsv(path.join(dir, 'held.csv'), sampleRows(7));
	const result = await promisify(execFile)(process.execPath, ['scripts/snapshot.ts', '--dataset', 'bot_service_daily', '--input', input, '--out', store], {
		cwd: root,
		env: { ...process.env, OPSBOOK_SNAPSHOT_LOCK_TIMEOUT: '0.3' },
	}).then(
		({ stderr }) => ({ code: 0, stderr }),
		(error: { code: number; stderr: string }) => error,
	);
	expect(result.code).toBe(1);
	expect(result.stderr).toBe(
		`snapshot: ${path.join(store, '.lock')}: another npm run snapshot (pid ${process.pid}, since 2026-11-16 09:00:00) still holds the store; try again when it is done, or remove the lock if that run is gone\n`,
	);
});

test('a lock left by a run that was killed is taken over', async () => {
	const store = path.join(dir, 'stale');
	await mkdir(store, { recursive: true });
	await writeFile(path.join(store, '.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: '2026-11-16 09:00:00' }));
	const input = await writeCsv(path.join(dir, 'stale.csv'), sampleRows(7));
	const { code, stdout } = await run(['--dataset', 'bot_service_daily', '--input', input, '--out', store], { OPSBOOK_SNAPSHOT_LOCK_TIMEOUT: '5' }).done;
	expect(code).toBe(0);
	expect(stdout).not.toContain('waiting');
	expect(existsSync(path.join(store, '.lock'))).toBe(false);
});
