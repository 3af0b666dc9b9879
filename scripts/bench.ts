/**
 * npm run bench [-- --pages 1000 --runs 5]
 *
 * Times what authors wait for, each against a baseline measured in the same run, so the figures
 * compare across machines as ratios:
 * - check: `npm run check`'s work on a generated handbook of --pages pages, against the floor of
 *   reading the same files and parsing their YAML without positions or schemas.
 * - snapshot: publishing --rows raw rows (Parquet) as a snapshot, against the floor of DuckDB
 *   copying the same file to zstd Parquet with no checks; rows per second and peak memory.
 * - browser: a copy of the site whose bot review reads --browser-rows rows, in Chromium: first
 *   paint against a page without charts, the chart redrawn by DuckDB-WASM, a warm filter change
 *   against the same query in DuckDB native, and the bytes of JavaScript and wasm each page loads.
 * Results go to the terminal and to .bench/results.json.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { checkHandbook } from '../src/lib/checks/index.ts';
import { loadDataset } from '../src/lib/content/datasets.ts';
import { execute, quoteLiteral } from '../src/lib/query/server.ts';
import { writeSyntheticBotRows } from './bench/synthetic.ts';
import { benchBrowser } from './bench/browser.ts';
import { buildSnapshot } from '../src/lib/snapshot/build.ts';
import { extractFrontmatter } from '../src/lib/content/frontmatter.ts';
import { generateHandbook } from './bench/handbook.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		pages: { type: 'string', default: '1000' },
		runs: { type: 'string', default: '5' },
		rows: { type: 'string', default: '10000000' },
		'browser-rows': { type: 'string', default: '1000000' },
	},
});
const pages = Number(values.pages);
const runs = Number(values.runs);
const rows = Number(values.rows);

/** Peak resident memory while `fn` runs, sampled every 50 ms (DuckDB's memory is native, so RSS). */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	try {
		const result = await fn();
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, peakMiB: Math.round(peak / 2 ** 20) };
	} finally {
		clearInterval(timer);
	}
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
	await fn(); // warm-up: module loading and file-system caches
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) samples.push(await time(fn));
	return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

const work = await mkdtemp(path.join(tmpdir(), 'opsbook-bench-'));
try {
	const generated = await generateHandbook(root, work, pages);
	console.log(`bench: generated a handbook of ${generated} pages in ${work}`);

	const floor = await median(async () => {
		const docs = path.join(work, 'src/content/docs');
		const files = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.mdx'));
		await Promise.all(files.map(async (file) => parse(extractFrontmatter(await readFile(path.join(docs, file), 'utf8')).yaml)));
	});
	let errors = 0;
	const check = await median(async () => {
		errors = (await checkHandbook(work, { today: '2026-11-22' })).errors;
	});
	if (errors > 0) throw new Error(`the generated handbook has ${errors} errors; the benchmark needs a valid one`);

	console.log(`bench: writing ${rows.toLocaleString('en')} raw rows of bot_service_daily as Parquet`);
	const raw = path.join(work, 'raw.parquet');
	await writeSyntheticBotRows(raw, rows);
	const dataset = await loadDataset(root, 'bot_service_daily');
	const snapshotFloor = await time(() => execute(`COPY (SELECT * FROM read_parquet(${quoteLiteral(raw)}) ORDER BY "date", market, intent) TO ${quoteLiteral(path.join(work, 'floor.parquet'))} (FORMAT parquet, COMPRESSION zstd)`));
	const snapshot = await peakRss(async () => time(() => buildSnapshot({ dataset, input: raw, outDir: path.join(work, 'out') })));

	const browser = await benchBrowser(root, work, Number(values['browser-rows']));

	const results = {
		browser,
		machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
		check: { pages: generated, runs, ms: Math.round(check), baselineMs: Math.round(floor), ratio: Number((check / floor).toFixed(2)) },
		snapshot: {
			rows,
			ms: Math.round(snapshot.result),
			rowsPerSecond: Math.round(rows / (snapshot.result / 1000)),
			peakRssMiB: snapshot.peakMiB,
			baselineMs: Math.round(snapshotFloor),
			ratio: Number((snapshot.result / snapshotFloor).toFixed(2)),
		},
	};
	console.log(`\n| what | size | time | baseline | ratio | notes |`);
	console.log(`| --- | --- | --- | --- | --- | --- |`);
	console.log(`| npm run check | ${generated} pages | ${results.check.ms} ms (median of ${runs}) | ${results.check.baselineMs} ms: read + parse YAML | ${results.check.ratio}× | |`);
	console.log(
		`| npm run snapshot | ${rows.toLocaleString('en')} rows | ${results.snapshot.ms} ms | ${results.snapshot.baselineMs} ms: DuckDB copy, no checks | ${results.snapshot.ratio}× | ${results.snapshot.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${results.snapshot.peakRssMiB} MiB |`,
	);
	const kib = (bytes: { js: number; wasm: number }) => `${bytes.js} KiB JS, ${bytes.wasm} KiB wasm`;
	console.log(`| review page: first paint, chart in the HTML | ${browser.rows.toLocaleString('en')} rows | ${browser.firstPaintMs} ms | ${browser.plainFirstPaintMs} ms: first paint of a spec page | ${(browser.firstPaintMs / browser.plainFirstPaintMs).toFixed(2)}× | |`);
	console.log(`| review page: redrawn by DuckDB-WASM (cold) | ${browser.rows.toLocaleString('en')} rows, ${browser.snapshotMiB} MiB | ${browser.readyMs} ms | ${browser.firstPaintMs} ms: its first paint | ${(browser.readyMs / browser.firstPaintMs).toFixed(1)}× | engine, fetch, decode, insert, query |`);
	console.log(`| filter change, warm engine (median of 10) | ${browser.rows.toLocaleString('en')} rows | ${browser.filterRedrawMs} ms | ${browser.nativeQueryMs} ms: same query in DuckDB native | ${(browser.filterRedrawMs / browser.nativeQueryMs).toFixed(1)}× | query and redraw |`);
	console.log(`| bytes at load: page without charts | | ${kib(browser.plainPageKiB)} | | | |`);
	console.log(`| bytes at load: chart page | | ${kib(browser.chartPageBeforeIdleKiB)} | ${kib(browser.plainPageKiB)}: page without charts | ${(browser.chartPageBeforeIdleKiB.js / Math.max(1, browser.plainPageKiB.js)).toFixed(2)}× JS | no DuckDB, no Plot |`);
	console.log(`| bytes once ready: chart page | | ${kib(browser.chartPageReadyKiB)} | | | the engine comes when the reader interacts or the browser is idle (uncompressed, as npm start serves it) |`);
	await mkdir(path.join(root, '.bench'), { recursive: true });
	await writeFile(path.join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
} finally {
	await rm(work, { recursive: true, force: true });
}
