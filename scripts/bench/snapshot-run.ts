/**
 * One timed run for the snapshot row of `npm run bench`, in a process of its own so that its peak
 * memory is its own: `copy` is DuckDB's plain sorted copy of the file (the baseline), `snapshot`
 * is `npm run snapshot`'s work on it. Prints `{ "ms": …, "cpuMs": …, "peakMiB": … }`.
 *
 *   node scripts/bench/snapshot-run.ts copy|snapshot RAW.parquet OUT_DIR
 */
import path from 'node:path';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { execute, quoteLiteral } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';

const [mode, raw, out] = process.argv.slice(2);
if ((mode !== 'copy' && mode !== 'snapshot') || !raw || !out) {
	console.error('usage: node scripts/bench/snapshot-run.ts copy|snapshot RAW.parquet OUT_DIR');
	process.exit(2);
}
const root = path.resolve(import.meta.dirname, '../..');
const dataset = await loadDataset(root, 'bot_service_daily');
const started = performance.now();
if (mode === 'copy') {
	// The same sort order and codec as a snapshot, with no checks and no suppression.
	await execute(
		`COPY (SELECT * FROM read_parquet(${quoteLiteral(raw)}) ORDER BY "date", market, intent) TO ${quoteLiteral(path.join(out, 'copy.parquet'))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
	);
} else {
	await buildSnapshot({ dataset, input: raw, outDir: out });
}
const ms = performance.now() - started;
// CPU time of every thread of the process (DuckDB's included): on a shared machine it moves far
// less with the load than wall time does.
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024 }));
