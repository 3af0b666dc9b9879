/**
 * The reader's rows of `npm run bench`: a copy of the site whose bot review reads a snapshot of
 * `rows` rows is built and served, and Chromium measures what a stakeholder waits for, each
 * against a like-for-like baseline from the same run:
 * - first paint of the review page, against a page without charts (each sample a fresh context);
 * - the chart redrawn by DuckDB-WASM from cold (each sample a fresh context, so nothing is cached),
 *   against DuckDB native from cold: a new process that loads the snapshot into an in-memory table
 *   and runs the same query;
 * - a filter change with the engine warm, its query (DuckDB-WASM on its in-memory table) against
 *   the same query in DuckDB native on an in-memory table, and its redraw (Plot, table and DOM)
 *   against the same Plot spec drawn in Node, as the build draws it; medians and p95s;
 * - the bytes of JavaScript and wasm a page loads, with and without charts.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../chromium.ts';
import { serve } from '../serve.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { drawChart, type ChartConfig } from '../../src/lib/charts/metric-chart.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { execute, query, quoteIdentifier, quoteLiteral } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';
import { copyProject } from './build.ts';
import type { Results } from './rows.ts';
import { writeSyntheticBotRows } from './synthetic.ts';

const run = promisify(execFile);
const markets = ['SG', 'TH', 'US', 'BR', 'GB', 'ID', 'MX', 'PH', 'VN', 'MY'];

/** The first review page that reads the bot dataset: its URL and the snapshot it pins. */
async function botReview(site: string): Promise<{ url: string; asOf: string }> {
	const docs = path.join(site, 'src/content/docs');
	for (const file of (await readdir(path.join(docs, 'reviews'), { recursive: true })).filter((name) => name.endsWith('.mdx')).sort()) {
		const ref = /^snapshot: bot_service_daily@(\d{4}-\d{2}-\d{2})$/m.exec(await readFile(path.join(docs, 'reviews', file), 'utf8'));
		if (ref) return { url: `/reviews/${file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}/`, asOf: ref[1]! };
	}
	throw new Error('bench: no review page reads bot_service_daily');
}

/**
 * Counts the bytes of JavaScript and wasm a page receives, its worker's included (the engine's
 * wasm is fetched by DuckDB's worker, which the page's resource timings do not show).
 */
function countScripts(page: Page) {
	const bytes = { js: 0, wasm: 0 };
	page.on('response', (response) => {
		const length = Number(response.headers()['content-length'] ?? 0);
		const url = new URL(response.url()).pathname;
		if (/\.m?js$/.test(url)) bytes.js += length;
		else if (/\.wasm$/.test(url)) bytes.wasm += length;
	});
	return () => ({ js: Math.round(bytes.js / 1024), wasm: Math.round(bytes.wasm / 1024) });
}

/** A page in a context of its own (no cache, no engine) that records when a chart first reaches `ready`. */
async function fresh(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(() => {
		const w = window as unknown as { readyAt?: number };
		new MutationObserver(() => {
			if (w.readyAt === undefined && document.querySelector('ops-chart[data-state="ready"]')) w.readyAt = performance.now();
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
	});
	return { page, bytes: countScripts(page), close: () => context.close() };
}

const firstPaint = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				new PerformanceObserver((list) => {
					const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
					if (entry) resolve(entry.startTime);
				}).observe({ type: 'paint', buffered: true });
			}),
	);

/** Changes the first chart's market filter and waits for it to redraw: total and query milliseconds, as the page measured them. */
const changeFilter = (page: Page, market: string) =>
	page.evaluate(async (value) => {
		const chart = document.querySelector('ops-chart') as HTMLElement;
		const select = chart.querySelector('select[name="market"]') as HTMLSelectElement;
		const start = performance.now();
		const done = new Promise<void>((resolve) => {
			const observer = new MutationObserver(() => {
				if (chart.dataset.state === 'ready' && chart.querySelector('tbody td:nth-child(2)')?.textContent === value) {
					observer.disconnect();
					resolve();
				}
			});
			observer.observe(chart, { subtree: true, attributes: true, childList: true });
		});
		select.value = value;
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await done;
		const total = performance.now() - start;
		// src/lib/charts/live.ts measures its query; the rest of the change is the redraw.
		const measured = performance.getEntriesByName('opsbook:query').at(-1);
		return { total, query: measured && measured.startTime >= start ? measured.duration : Number.NaN };
	}, market);

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
	for (const market of [...markets, ...markets]) {
		const built = buildMetricQuery(config.query, { market });
		let start = performance.now();
		const rows = await query(built.sql, built.params);
		queries.push(performance.now() - start);
		start = performance.now();
		drawChart(rows, config.chart);
		draws.push(performance.now() - start);
	}
	await execute(`DROP TABLE ${quoteIdentifier(relation)}`);
	const cold: number[] = [];
	const built = buildMetricQuery(config.query, {});
	for (let i = 0; i < runs; i++) {
		const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'native-cold.ts'), snapshotFile, relation, built.sql, JSON.stringify(built.params)]);
		cold.push(Number(stdout.trim()));
	}
	return { queries, draws, cold };
}

export async function benchBrowser(results: Results, root: string, work: string, rows: number, runs: number): Promise<void> {
	const found = findChromium();
	if ('missing' in found) throw new Error(`bench: ${found.missing}`);
	const site = path.join(work, 'site');
	await copyProject(root, site);
	const review = await botReview(site);
	const raw = path.join(work, 'browser-raw.parquet');
	await writeSyntheticBotRows(raw, rows);
	const dataset = await loadDataset(root, 'bot_service_daily');
	const entry = await buildSnapshot({ dataset, input: raw, asOf: review.asOf, outDir: storeOf(site) });
	const snapshotFile = path.join(storeOf(site), 'bot_service_daily', entry.file);
	console.log(`bench: building a copy of the site whose bot review reads ${entry.rows.toLocaleString('en')} rows (${(entry.bytes / 2 ** 20).toFixed(1)} MiB)`);
	await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], { cwd: site, maxBuffer: 2 ** 26 });

	const { server, url } = await serve(path.join(site, 'dist'));
	const browser = await launchChromium(found.path);
	try {
		// A first visit warms the server's file cache; each sample after it is a fresh context.
		const warmup = await fresh(browser);
		await warmup.page.goto(new URL('/', url).href, { waitUntil: 'networkidle' });
		await warmup.close();

		const plainPaint: number[] = [];
		const reviewPaint: number[] = [];
		const cold: number[] = [];
		let plainBytes = { js: 0, wasm: 0 };
		let beforeIdle = { js: 0, wasm: 0 };
		let ready = { js: 0, wasm: 0 };
		for (let i = 0; i < runs; i++) {
			const plain = await fresh(browser);
			await plain.page.goto(new URL('/specs/live-gifting-fraud/', url).href, { waitUntil: 'load' });
			plainBytes = plain.bytes();
			plainPaint.push(await firstPaint(plain.page));
			await plain.close();

			const chart = await fresh(browser);
			await chart.page.goto(new URL(review.url, url).href, { waitUntil: 'load' });
			beforeIdle = chart.bytes();
			reviewPaint.push(await firstPaint(chart.page));
			await chart.page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, undefined, { timeout: 120_000 });
			cold.push(await chart.page.evaluate(() => (window as unknown as { readyAt: number }).readyAt));
			ready = chart.bytes();
			await chart.close();
		}

		const warm = await fresh(browser);
		await warm.page.goto(new URL(review.url, url).href, { waitUntil: 'load' });
		await warm.page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, undefined, { timeout: 120_000 });
		const config = JSON.parse((await warm.page.getAttribute('ops-chart[data-config]', 'data-config'))!) as ChartConfig;
		const changes: { total: number; query: number }[] = [];
		for (const market of [...markets, ...markets]) changes.push(await changeFilter(warm.page, market));
		await warm.close();
		const native = await nativeBaselines(config, snapshotFile, runs);

		const size = `${entry.rows.toLocaleString('en')} rows`;
		results.add({ id: 'browser.first-paint', what: 'review page, first paint (the chart is in the HTML)', size, samples: plainPaint.length ? reviewPaint : [], baseline: { what: 'first paint of a spec page', samples: plainPaint } });
		results.add({
			id: 'browser.cold',
			what: 'review page, chart redrawn by DuckDB-WASM from cold',
			size: `${size}, ${(entry.bytes / 2 ** 20).toFixed(1)} MiB`,
			samples: cold,
			baseline: { what: 'DuckDB native from cold: load into a table, query', samples: native.cold },
			notes: 'each sample in a fresh browser context: engine, fetch, decode, insert, query, draw',
		});
		results.add({
			id: 'browser.filter.query',
			what: 'filter change, engine warm: query',
			size,
			judged: 'p95',
			samples: changes.map((c) => c.query),
			baseline: { what: 'the same query in DuckDB native, in-memory table', samples: native.queries },
		});
		results.add({
			id: 'browser.filter.redraw',
			what: 'filter change, engine warm: redraw',
			size,
			judged: 'p95',
			samples: changes.map((c) => c.total - c.query),
			baseline: { what: 'the same Plot spec drawn in Node', samples: native.draws },
		});
		results.add({ id: 'bytes.chart-page.js', what: 'JavaScript at load, chart page', unit: 'KiB', samples: [beforeIdle.js], baseline: { what: 'a page without charts', samples: [plainBytes.js] } });
		results.add({ id: 'bytes.chart-page.wasm', what: 'wasm at load, chart page', unit: 'KiB', samples: [beforeIdle.wasm], baseline: { what: 'a page without charts', samples: [plainBytes.wasm] } });
		results.add({ id: 'bytes.chart-page.ready', what: 'JavaScript and wasm once the chart is redrawn', unit: 'KiB', samples: [ready.js + ready.wasm], extra: { 'JS KiB': ready.js, 'wasm KiB': ready.wasm } });
	} finally {
		await browser.close();
		server.close();
	}
}
