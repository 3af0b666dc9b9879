/**
 * The charts of the metric reviews, end to end: drawn in the HTML before any script runs, redrawn
 * by Plot in the browser, every declared filter answered from the build's prepared aggregates with
 * DuckDB native's numbers while every `.wasm` request is refused, and only a combination the build
 * did not prepare answered by DuckDB-WASM — with the same numbers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseUrl, builtPages, chartsSettled, root, skipBrowser, useBrowser, withPage } from './harness.ts';
import { blockEngine, changeView, configOf, idle, nativeTable, screenTable } from './chart-views.ts';

const review = '/reviews/bot-service/2026-11-15/';
// Every review of every series that draws a chart (series indexes and old addresses draw none).
const reviews = skipBrowser
	? []
	: (await builtPages()).filter((pathname) => pathname.startsWith('/reviews/') && readFileSync(path.join(root, 'dist', pathname, 'index.html'), 'utf8').includes('<ops-chart'));

const browser = useBrowser();
const engine = /duckdb|\.wasm$|\.parquet$|\/live\.[\w-]+\.js$/;

describe.skipIf(skipBrowser)('<ops-chart> on the bot review', () => {
	test('the SVG and its data table are in the HTML before any script runs', async () => {
		const html = await (await fetch(new URL(review, baseUrl))).text();
		const charts = html.match(/<ops-chart[\s\S]*?<\/ops-chart>/g) ?? [];
		expect(charts).toHaveLength(2);
		const kept = [['TH'], ['VN', 'ID']];
		for (const [i, chart] of charts.entries()) {
			expect(chart).toMatch(/^<ops-chart data-state="static"/);
			expect(chart).toMatch(/<svg[^>]*aria-label="[^"]+"[\s\S]*<path/);
			// 26 weeks × (the 5 largest of 10 markets, the ones the review discusses among them, + the other 5 together).
			expect(chart.match(/<tr><td>/g)).toHaveLength(156);
			const series = new Set([...chart.matchAll(/<tr><td>[\d-]+<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]));
			expect(series.size).toBe(6);
			expect([...series]).toEqual(expect.arrayContaining([...kept[i]!, 'All others']));
		}
	});

	test('without JavaScript the chart is complete and no engine is fetched', async () => {
		await withPage(browser(), { javaScriptEnabled: false }, async (watched) => {
			await watched.page.goto(new URL(review, baseUrl).href, { waitUntil: 'networkidle' });
			const chart = watched.page.locator('ops-chart').first();
			await expect.poll(() => chart.getAttribute('data-state')).toBe('static');
			await expect.poll(() => chart.locator('svg').first().isVisible()).toBe(true);
			expect(watched.requests.filter((url) => engine.test(url))).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test('no engine on load, on idle, or for any declared filter: 0 bytes of wasm', async () => {
		await withPage(browser(), {}, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			await idle(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			const views: Record<string, string>[] = [{ market: 'TH' }, { market: '', from: '2026-09-07', to: '2026-10-26' }, { from: '2026-05-18', to: '2026-11-09', series: 'all' }, { series: '' }];
			for (const view of views) await expect(changeView(chart, view)).resolves.toBe('prepared');
			await expect(changeView(watched.page.locator('ops-chart').nth(1), { market: 'VN' })).resolves.toBe('prepared');
			await idle(watched.page);
			expect(blocked.refused).toEqual([]);
			expect(blocked.wasmBytes()).toBe(0);
			expect(watched.requests.filter((url) => engine.test(url))).toEqual([]);
			// The prepared file of each chart, fetched once.
			expect(watched.requests.filter((url) => url.includes('/_charts/'))).toHaveLength(2);
			expect(watched.problems).toEqual([]);
		});
	});

	test('a market filter redraws from the prepared aggregates with the rows of DuckDB native, engine blocked', async () => {
		await withPage(browser(), {}, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			await expect(changeView(chart, { market: 'TH' })).resolves.toBe('prepared');
			const live = await screenTable(chart);
			expect(live).toEqual(await nativeTable(await configOf(chart), { market: 'TH' }));
			expect(live).toHaveLength(26);
			expect(live.every((row) => row.split('|')[1] === 'TH')).toBe(true);
			// The drawing shows one line, Thailand's, where the build drew six.
			await expect.poll(() => chart.locator('.ops-chart__plot [class$="-swatch"]').count()).toBe(0);
			expect(blocked.refused).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test('a period range narrows the chart to the chosen weeks', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			await chart.locator('select[name="from"]').selectOption('2026-10-05');
			await watched.page.waitForFunction(() => document.querySelector('ops-chart')!.querySelectorAll('tbody tr').length === 36);
			await expect.poll(async () => new Set(await chart.locator('tbody tr td:first-child').allTextContents())).toEqual(new Set(['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09']));
			expect(watched.problems).toEqual([]);
		});
	});

	test('ten markets draw as the five largest and the rest together, and every line is one choice away', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			const legend = () => chart.locator('.ops-chart__plot [class$="-swatch"]').allTextContents();
			await expect.poll(legend).toHaveLength(6);
			await expect.poll(async () => (await legend()).at(-1)).toBe('All others');
			await chart.locator('select[name="series"]').selectOption('all');
			await watched.page.waitForFunction(() => document.querySelector('ops-chart')!.querySelectorAll('tbody tr').length === 260);
			await expect.poll(legend).toHaveLength(10);
			await expect.poll(legend).not.toContain('All others');
			expect(watched.problems).toEqual([]);
		});
	});

	test('a tooltip names the metric and shows the value as the tiles do', async () => {
		await withPage(browser(), { viewport: { width: 1280, height: 900 } }, async (watched) => {
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			const svg = watched.page.locator('ops-chart').first().locator('.ops-chart__plot svg[role="img"]');
			await svg.scrollIntoViewIfNeeded();
			const box = (await svg.boundingBox())!;
			await watched.page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
			const tip = svg.locator('[aria-label="tip"], g[class*="tip"]').last();
			await expect.poll(() => tip.textContent()).toMatch(/Escalation-to-agent rate: \d+\.\d%/);
			await expect.poll(() => tip.textContent()).toMatch(/Market: [A-Z]{2}|All others/);
			await expect.poll(() => tip.textContent()).toMatch(/Week of 2026-\d\d-\d\d/);
			expect(watched.problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('every chart of every review, against DuckDB native', () => {
	test.each(reviews)('%s: each value of each declared filter, and a period range, from the prepared aggregates with the engine blocked', async (pathname) => {
		await withPage(browser(), {}, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(new URL(pathname, baseUrl).href);
			await chartsSettled(watched.page);
			const charts = await watched.page.locator('ops-chart').all();
			expect(charts.length).toBeGreaterThan(0);
			for (const chart of charts) {
				const config = await configOf(chart);
				const periods = await chart.locator('select[name="from"] option').allTextContents();
				const reset = Object.fromEntries((config.query.filters ?? []).map((dimension) => [dimension, '']));
				const views: Record<string, string>[] = [{ from: periods[4]!, to: periods.at(-3)! }];
				for (const dimension of config.query.filters ?? []) {
					const values = (await chart.locator(`select[name="${dimension}"] option`).evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).filter(Boolean);
					for (const value of values) views.push({ ...reset, from: periods[0]!, to: periods.at(-1)!, [dimension]: value });
				}
				for (const view of views) {
					await expect(changeView(chart, view), `${config.query.relation} ${JSON.stringify(view)}`).resolves.toBe('prepared');
					const filters = Object.fromEntries(Object.entries(view).map(([key, value]) => [key, value === '' ? null : value]));
					expect(await screenTable(chart), `${config.chart.title} ${JSON.stringify(view)}`).toEqual(await nativeTable(config, filters));
				}
			}
			expect(blocked.refused).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test.each(reviews)('%s: a combination the build did not prepare is answered by DuckDB-WASM, with the same rows', async (pathname) => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(new URL(pathname, baseUrl).href);
			await chartsSettled(watched.page);
			let asked = 0;
			for (const chart of await watched.page.locator('ops-chart').all()) {
				const config = await configOf(chart);
				const declared = (config.query.filters ?? []).filter((dimension) => dimension !== config.query.by);
				if (declared.length < 2) continue;
				const view: Record<string, string> = {};
				for (const dimension of declared.slice(0, 2)) view[dimension] = await chart.locator(`select[name="${dimension}"] option`).nth(1).evaluate((option) => (option as HTMLOptionElement).value);
				await expect(changeView(chart, view)).resolves.toBe('engine');
				expect(await screenTable(chart)).toEqual(await nativeTable(config, view));
				asked++;
			}
			// One engine for the page, however many charts asked it; pages whose charts offer one filter never ask.
			expect(watched.requests.filter((url) => url.endsWith('.wasm'))).toHaveLength(asked > 0 ? 1 : 0);
			expect(new Set(watched.requests.filter((url) => url.endsWith('.parquet'))).size).toBe(watched.requests.filter((url) => url.endsWith('.parquet')).length);
			expect(watched.problems).toEqual([]);
		});
	});
});
