/**
 * The committed demo history is what `npm run snapshot -- --demo` writes, byte for byte: twelve
 * weekly snapshots of every demo dataset, and one restatement, recorded in its manifest.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAsOfs, demoExports } from '../../scripts/demo/index.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
let out: string;
let stdout: string;
beforeAll(async () => {
	out = await mkdtemp(path.join(tmpdir(), 'opsbook-demo-history-'));
	({ stdout } = await promisify(execFile)(process.execPath, ['scripts/snapshot.ts', '--demo', '--out', out], { cwd: root }));
}, 240_000);
afterAll(() => rm(out, { recursive: true, force: true }));

test('npm run snapshot -- --demo regenerates the committed store byte for byte', async () => {
	for (const id of Object.keys(demoExports)) {
		const committed = (await readdir(path.join(storeOf(root), id))).sort();
		expect(committed).toEqual([...demoAsOfs(id).map((asOf) => `${asOf}.parquet`), 'manifest.json'].sort());
		expect((await readdir(path.join(out, id))).sort()).toEqual(committed);
		for (const file of committed) {
			const same = (await readFile(path.join(out, id, file))).equals(await readFile(path.join(storeOf(root), id, file)));
			expect(same, `${id}/${file} differs from the committed one`).toBe(true);
		}
	}
});

test('twelve weekly snapshots per dataset, and the one restatement is in the manifest', async () => {
	for (const id of Object.keys(demoExports)) {
		const manifest = (await readManifest(path.join(out, id)))!;
		expect(manifest.snapshots).toHaveLength(12);
		const weeks = manifest.snapshots.map((entry) => Date.parse(entry.as_of));
		expect(weeks.slice(1).map((day, i) => (day - weeks[i]!) / 86_400_000)).toEqual(Array(11).fill(7));
		const restated = manifest.snapshots.filter((entry) => entry.restated);
		expect(restated.map((entry) => [entry.as_of, entry.restated])).toEqual(
			id === 'bot_service_daily' ? [['2026-11-15', { since: '2026-11-08', days: ['2026-11-06', '2026-11-07', '2026-11-08'], rows: 712 }]] : [],
		);
	}
	expect(stdout).toContain('snapshot: bot_service_daily@2026-11-15: restates 3 days of bot_service_daily@2026-11-08 (2026-11-06 to 2026-11-08, 712 rows)\n');
});
