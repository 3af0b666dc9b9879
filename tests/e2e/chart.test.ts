/**
 * The chart of the bot review, end to end: drawn in the HTML before any script runs, redrawn from
 * DuckDB-WASM in the browser with the same numbers, filtered with bound parameters, and never
 * loaded on a page without a chart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chartTableHtml } from '../../src/lib/charts/table.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { query, registerSnapshot } from '../../src/lib/query/server.ts';
import { baseUrl, builtPages, chartsSettled, root, skipBrowser, useBrowser, withPage } from './harness.ts';

const review = '/reviews/bot-service/2026-11-15/';
// Every review of every series that draws a chart (series indexes and old addresses draw none).
const reviews = skipBrowser
	? []
	: (await builtPages()).filter((pathname) => pathname.startsWith('/reviews/') && readFileSync(path.join(root, 'dist', pathname, 'index.html'), 'utf8').includes('<ops-chart'));

/** A data table's rows as `period|series|numerator|denominator|value`, so a diff shows only what differs. */
function tableRows(html: string): string[] {
	return [...html.matchAll(/<tr><td>([\s\S]*?)<\/td><\/tr>/g)].map((row) => row[1]!.split('</td><td>').join('|'));
}
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

	test.each(reviews)('%s: DuckDB-WASM redraws every chart with the numbers of the build', async (pathname) => {
		await withPage(browser(), {}, async (watched) => {
			const response = await watched.page.goto(new URL(pathname, baseUrl).href);
			const served = await response!.text();
			const staticTables = [...served.matchAll(/<div class="ops-chart__table[^"]*"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => tableRows(m[1]!));
			expect(staticTables.length).toBeGreaterThan(0);
			expect(staticTables.every((rows) => rows.length > 0)).toBe(true);
			await chartsSettled(watched.page);
			const states = await watched.page.locator('ops-chart').evaluateAll((all) => all.map((chart) => (chart as HTMLElement).dataset.state));
			expect(states).toEqual(staticTables.map(() => 'ready'));
			const liveTables = (await watched.page.$$eval('.ops-chart__table', (tables) => tables.map((table) => table.innerHTML))).map(tableRows);
			expect(liveTables).toEqual(staticTables);
			// One engine and one download of the snapshot for every chart of the page, all from this origin.
			expect(watched.requests.filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
			expect(new Set(watched.requests.filter((url) => url.endsWith('.parquet'))).size).toBe(watched.requests.filter((url) => url.endsWith('.parquet')).length);
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

	test('a market filter re-runs the query in the browser with the same result as DuckDB native', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(new URL(review, baseUrl).href);
			await chartsSettled(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			await chart.locator('select[name="market"]').selectOption('TH');
			await watched.page.waitForFunction(() => {
				const first = document.querySelector('ops-chart') as HTMLElement;
				return first.dataset.state === 'ready' && first.querySelectorAll('tbody tr').length === 26;
			});
			const live = await chart.locator('.ops-chart__table').innerHTML();

			const config = JSON.parse((await chart.getAttribute('data-config'))!);
			await registerSnapshot(config.query.relation, path.join(root, 'data/snapshots/bot_service_daily/2026-11-15.parquet'));
			const built = buildMetricQuery(config.query, { market: 'TH' });
			const expected = chartTableHtml(await query(built.sql, built.params), config.chart);
			expect(tableRows(live)).toEqual(tableRows(expected));
			expect(tableRows(live)).toHaveLength(26);
			expect(live).not.toMatch(/<td>(?!TH<)[A-Z]{2}<\/td>/);
			expect(watched.problems).toEqual([]);
		});
	});
});
