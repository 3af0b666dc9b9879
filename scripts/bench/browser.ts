/**
 * The reader's rows of `npm run bench`: a copy of the site whose bot review reads a snapshot of
 * `rows` rows is built and served, and Chromium measures what a stakeholder waits for, each
 * against a like-for-like baseline from the same run:
 * - first paint of the review page, against a page without charts (each sample a fresh context),
 *   and the bytes of JavaScript and wasm each loads;
 * - a declared filter change, answered from the chart's prepared aggregates with every `.wasm`
 *   refused, cold (the first interaction, a fresh context per sample) and warm, judged at the 95th
 *   percentile against the same kind of change answered by DuckDB-WASM with the engine warm; and
 *   the wasm a review page receives over load, idle and declared filter changes (`prepared.ts`);
 * - for what only the engine answers (a market and an intent at once, on the bench copy's second
 *   bot chart): the engine's cold start against a bare DuckDB-WASM page running `select 42`, on a
 *   first and a second page; the combination from cold against DuckDB native from cold (a new
 *   process that loads the snapshot into an in-memory table and queries it); and with the engine
 *   warm, its query against the same query in DuckDB native on an in-memory table, its redraw
 *   against the same Plot spec drawn in Node (`engine.ts`).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../chromium.ts';
import { serve } from '../serve.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { drawChart, type ChartConfig } from '../../src/lib/charts/metric-chart.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { execute, query, quoteIdentifier, quoteLiteral } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';
import { copyProject } from './build.ts';
import { combination, engineChart, measureEngine } from './engine.ts';
import { chartsReady, fresh, firstPaint } from './page.ts';
import { measurePrepared } from './prepared.ts';
import { figure, type Results } from './rows.ts';
import { writeSyntheticBotRows } from './synthetic.ts';

const run = promisify(execFile);

/**
 * The first review page that reads the bot dataset: its URL and the snapshot it pins. In the
 * bench's copy its second chart becomes one line of response accuracy with two declared filters,
 * market and intent: both at once is a combination the build does not prepare, so the engine has
 * something to answer. The first chart, by market, stays as readers have it.
 */
async function botReview(site: string): Promise<{ url: string; asOf: string }> {
	const docs = path.join(site, 'src/content/docs');
	for (const file of (await readdir(path.join(docs, 'reviews'), { recursive: true })).filter((name) => name.endsWith('.mdx')).sort()) {
		const page = path.join(docs, 'reviews', file);
		const text = await readFile(page, 'utf8');
		const ref = /^snapshot: bot_service_daily@(\d{4}-\d{2}-\d{2})$/m.exec(text);
		if (!ref) continue;
		const chart = /<MetricChart metric="response_accuracy"[^>]*\/>/;
		if (!chart.test(text)) throw new Error(`bench: ${file} has no <MetricChart metric="response_accuracy" …/> to give two filters`);
		await writeFile(page, text.replace(chart, `<MetricChart metric="response_accuracy" filters={['market', 'intent']} />`));
		return { url: `/reviews/${file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}/`, asOf: ref[1]! };
	}
	throw new Error('bench: no review page reads bot_service_daily');
}

/**
 * The native side of the like-for-like rows, with the chart's own query and drawing (its config,
 * as the page carries it): the query on an in-memory table, as DuckDB-WASM queries its own; the
 * drawing as the build draws it; and a cold start in a new process.
 */
async function nativeBaselines(config: ChartConfig, snapshotFile: string, runs: number) {
	const { relation } = config.query;
	await execute(`CREATE OR REPLACE TABLE ${quoteIdentifier(relation)} AS SELECT * FROM read_parquet(${quoteLiteral(snapshotFile)})`);
	const queries: number[] = [];
	const draws: number[] = [];
	for (let i = 1; i <= 20; i++) {
		const built = buildMetricQuery(config.query, combination(i));
		let start = performance.now();
		const rows = await query(built.sql, built.params);
		queries.push(performance.now() - start);
		start = performance.now();
		drawChart(rows, config.chart);
		draws.push(performance.now() - start);
	}
	await execute(`DROP TABLE ${quoteIdentifier(relation)}`);
	const cold: number[] = [];
	for (let i = 0; i < runs; i++) {
		const built = buildMetricQuery(config.query, combination(i));
		const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'native-cold.ts'), snapshotFile, relation, built.sql, JSON.stringify(built.params)]);
		cold.push(Number(stdout.trim()));
	}
	return { queries, draws, cold };
}

/** The bench's copy of the site, built: its bot review reads a synthetic snapshot of `rows` rows, and the bare DuckDB-WASM page sits beside it. */
async function buildBenchSite(root: string, work: string, rows: number) {
	const site = path.join(work, 'site');
	await copyProject(root, site);
	const review = await botReview(site);
	// The bare DuckDB-WASM page, built by the same Vite from the same files as the site's engine.
	await mkdir(path.join(site, 'src/pages/bench'), { recursive: true });
	await copyFile(path.join(import.meta.dirname, 'bare-duckdb.astro'), path.join(site, 'src/pages/bench/bare-duckdb.astro'));
	const raw = path.join(work, 'browser-raw.parquet');
	await writeSyntheticBotRows(raw, rows);
	const dataset = await loadDataset(root, 'bot_service_daily');
	// The synthetic rows are the bench's own data, not the next weekly export of the demo's: the rule
	// that keeps hidden on the earlier snapshot's days whatever it did not show (see
	// snapshot/suppression.ts) would hide most of them (155,232 of 1,000,000 were left). They are
	// published with the earlier snapshot files of the copy set aside, and those are put back after.
	const folder = path.join(storeOf(site), 'bot_service_daily');
	const earlier = ((await readManifest(folder))?.snapshots ?? []).filter((snapshot) => snapshot.as_of < review.asOf).map((snapshot) => path.join(folder, snapshot.file));
	await Promise.all(earlier.map((file) => rename(file, `${file}.aside`)));
	const entry = await buildSnapshot({ dataset, input: raw, asOf: review.asOf, outDir: storeOf(site) }).finally(() => Promise.all(earlier.map((file) => rename(`${file}.aside`, file))));
	const snapshotFile = path.join(storeOf(site), 'bot_service_daily', entry.file);
	console.log(`bench: building a copy of the site whose bot review reads ${entry.rows.toLocaleString('en')} rows (${(entry.bytes / 2 ** 20).toFixed(1)} MiB)`);
	await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], { cwd: site, maxBuffer: 2 ** 26 });
	return { dist: path.join(site, 'dist'), review, entry, snapshotFile };
}

/** A 390-px phone's screen, where the build's narrow drawings fit their boxes. */
const phone = { width: 390, height: 844 };

/**
 * First paint of the review page and of a spec page without charts, each sample a fresh context at
 * Playwright's 1280 by 720; and the bytes each has received once its charts are ready (the build's
 * drawings kept, or redrawn by Plot), there and on a phone. Every sample loads the same files: the
 * bytes are the last sample's.
 */
async function measurePaint(browser: Browser, reviewUrl: string, plainUrl: string, runs: number) {
	const paint = { plain: [] as number[], review: [] as number[] };
	const bytes = { plain: { js: 0, wasm: 0 }, review: { js: 0, wasm: 0 } };
	const visit = async (pageUrl: string, viewport?: typeof phone) => {
		const visited = await fresh(browser, viewport ? { viewport } : {});
		await visited.page.goto(pageUrl, { waitUntil: 'load' });
		const painted = await firstPaint(visited.page);
		await chartsReady(visited.page);
		const received = visited.bytes();
		await visited.close();
		return { painted, received };
	};
	for (let i = 0; i < runs; i++) {
		const plain = await visit(plainUrl);
		paint.plain.push(plain.painted);
		bytes.plain = plain.received;
		const review = await visit(reviewUrl);
		paint.review.push(review.painted);
		bytes.review = review.received;
	}
	const onPhone = { plain: (await visit(plainUrl, phone)).received, review: (await visit(reviewUrl, phone)).received };
	return { paint, bytes, onPhone };
}

type Measured = {
	size: string;
	megabytes: string;
	paint: Awaited<ReturnType<typeof measurePaint>>;
	prepared: Awaited<ReturnType<typeof measurePrepared>>;
	engine: Awaited<ReturnType<typeof measureEngine>>;
	native: Awaited<ReturnType<typeof nativeBaselines>>;
};

export async function benchBrowser(results: Results, root: string, work: string, rows: number, runs: number): Promise<void> {
	const found = findChromium();
	if ('missing' in found) throw new Error(`bench: ${found.missing}`);
	const { dist, review, entry, snapshotFile } = await buildBenchSite(root, work, rows);
	const { server, url } = await serve(dist);
	const at = (pathname: string) => new URL(pathname.replace(/^\//, ''), url).href;
	const browser = await launchChromium(found.path);
	try {
		// A first visit warms the server's file cache; each sample after it is a fresh context.
		const warmup = await fresh(browser);
		await warmup.page.goto(at(review.url), { waitUntil: 'networkidle' });
		const config = JSON.parse((await warmup.page.locator('ops-chart').nth(engineChart).getAttribute('data-config'))!) as ChartConfig;
		await warmup.close();

		const paint = await measurePaint(browser, at(review.url), at('/specs/live-gifting-fraud/'), runs);
		// Ten cold samples a run (30 at --runs 3): with a dozen, the 95th percentile was one slow sample.
		const prepared = await measurePrepared(browser, at(review.url), runs * 10);
		// The engine's start varies with the machine's load by more than the difference it measures: twice the samples.
		const engine = await measureEngine(browser, at(review.url), at('/bench/bare-duckdb/'), runs * 2);
		const native = await nativeBaselines(config, snapshotFile, runs);

		addRows(results, { size: `${entry.rows.toLocaleString('en')} rows`, megabytes: `${(entry.bytes / 2 ** 20).toFixed(1)} MiB`, paint, prepared, engine, native });
	} finally {
		await browser.close();
		server.close();
	}
}

/** The reader's rows of the bench, each figure beside its baseline. */
function addRows(results: Results, { size, megabytes, paint: { paint, bytes, onPhone }, prepared, engine, native }: Measured): void {
	const engineWarm = { what: 'the same kind of change answered by DuckDB-WASM, engine warm', samples: engine.warm.map((change) => change.total) };
	results.add({ id: 'browser.first-paint', what: 'review page, first paint (the chart is in the HTML)', size, samples: paint.review, baseline: { what: 'first paint of a spec page', samples: paint.plain } });
	results.add({ id: 'bytes.chart-page.js', what: 'JavaScript by the time the charts are ready, chart page at 1280 px (where Plot redraws them)', unit: 'KiB', samples: [bytes.review.js], baseline: { what: 'a page without charts', samples: [bytes.plain.js] } });
	results.add({ id: 'bytes.chart-page.js.phone', what: 'the same at 390 px (the build\'s drawings kept)', unit: 'KiB', samples: [onPhone.review.js], baseline: { what: 'a page without charts', samples: [onPhone.plain.js] } });
	results.add({ id: 'bytes.chart-page.wasm', what: 'wasm by the time the charts are ready, chart page', unit: 'KiB', samples: [bytes.review.wasm], baseline: { what: 'a page without charts', samples: [bytes.plain.wasm] } });
	results.add({
		id: 'browser.filter.prepared.cold',
		what: 'declared filter change, engine blocked, cold: to the new drawing',
		size,
		judged: 'p95',
		samples: prepared.cold.map((change) => change.total),
		baseline: engineWarm,
		extra: {
			'median ms waiting for the prepared file': figure(prepared.cold.map((change) => change.file)).median,
			'median ms drawing': figure(prepared.cold.map((change) => change.draw)).median,
			'p95 ms with no pointer on the filter first': figure(prepared.bare.map((change) => change.total)).p95,
		},
		notes: 'the first interaction after load, each sample in a fresh browser context, the pointer on the filter first; the prepared file is fetched from when the chart comes near the viewport; from the change: the file, the answer, the drawing, its paint',
	});
	results.add({ id: 'browser.filter.prepared.warm', what: 'declared filter change, engine blocked, warm: to the new drawing', size, judged: 'p95', samples: prepared.warm.map((change) => change.total), baseline: engineWarm, notes: 'markets and period ranges on one page' });
	results.add({
		id: 'bytes.review.no-engine',
		what: 'wasm received by a review page over load, idle and 11 declared filter changes',
		unit: 'KiB',
		samples: [prepared.bytes.wasm],
		baseline: { what: 'the engine a combination the build did not prepare fetches', samples: [engine.wasmKiB] },
		extra: { 'JS KiB': prepared.bytes.js },
	});
	results.add({ id: 'browser.engine.start', what: 'engine cold start, when a view needs it', samples: engine.start, baseline: { what: 'a bare DuckDB-WASM page running select 42', samples: engine.bareStart }, notes: 'each sample in a fresh browser context, the two pages taken turn about' });
	results.add({ id: 'browser.engine.next-page', what: 'engine start on the next page of the same visit', samples: engine.nextPage, baseline: { what: 'the bare page, visited again', samples: engine.bareNextPage } });
	results.add({
		id: 'browser.cold',
		what: 'a combination only the engine answers, from cold',
		size: `${size}, ${megabytes}`,
		samples: engine.cold,
		baseline: { what: 'DuckDB native from cold: load into a table, query', samples: native.cold },
		notes: 'each sample in a fresh browser context: engine, fetch, decode, insert, query, draw',
	});
	results.add({ id: 'browser.filter.query', what: 'filter combination, engine warm: query', size, judged: 'p95', samples: engine.warm.map((c) => c.query), baseline: { what: 'the same query in DuckDB native, in-memory table', samples: native.queries } });
	results.add({ id: 'browser.filter.redraw', what: 'filter combination, engine warm: redraw', size, judged: 'p95', samples: engine.warm.map((c) => c.total - c.query), baseline: { what: 'the same Plot spec drawn in Node', samples: native.draws } });
}
