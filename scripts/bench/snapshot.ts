/**
 * The snapshot rows of `npm run bench`: publishing `rows` raw rows (Parquet) as a snapshot,
 * against DuckDB's plain sorted copy of the same file with no checks, in the same run. Each run
 * is a process of its own (scripts/bench/snapshot-run.ts) so that its peak memory is its own;
 * copy and snapshot alternate, so a change in the machine's load touches both alike.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Results } from './rows.ts';
import { writeSyntheticBotRows } from './synthetic.ts';

const run = promisify(execFile);

interface Run {
	ms: number;
	cpuMs: number;
	peakMiB: number;
}

async function once(mode: 'copy' | 'snapshot', raw: string, out: string): Promise<Run> {
	const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'snapshot-run.ts'), mode, raw, out], { maxBuffer: 2 ** 24 });
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
}

export async function benchSnapshot(results: Results, work: string, rows: number, runs: number): Promise<void> {
	const raw = path.join(work, 'raw.parquet');
	console.log(`bench: writing ${rows.toLocaleString('en')} raw rows of bot_service_daily as Parquet`);
	await writeSyntheticBotRows(raw, rows);
	const out = path.join(work, 'snapshot-out');
	await mkdir(out, { recursive: true });
	const copy: Run[] = [];
	const snapshot: Run[] = [];
	for (let i = 0; i < runs; i++) {
		copy.push(await once('copy', raw, out));
		snapshot.push(await once('snapshot', raw, out));
	}
	const size = `${rows.toLocaleString('en')} rows`;
	const row = results.add({
		id: 'snapshot',
		what: 'npm run snapshot',
		size,
		samples: snapshot.map((s) => s.ms),
		baseline: { what: 'DuckDB copying the file sorted, no checks', samples: copy.map((s) => s.ms) },
	});
	row.extra = { 'rows/s': Math.round(rows / (row.value.median / 1000)), 'baseline rows/s': Math.round(rows / (row.baseline!.value.median / 1000)) };
	results.add({
		id: 'snapshot.cpu',
		what: 'npm run snapshot, CPU time (all threads)',
		size,
		samples: snapshot.map((s) => s.cpuMs),
		baseline: { what: 'the same copy', samples: copy.map((s) => s.cpuMs) },
	});
	results.add({
		id: 'snapshot.memory',
		what: 'npm run snapshot, peak memory',
		size,
		unit: 'MiB',
		samples: snapshot.map((s) => s.peakMiB),
		baseline: { what: 'the same copy', samples: copy.map((s) => s.peakMiB) },
	});
}
