/**
 * What the chart tests share: changing a chart's controls and waiting for its next drawing, the
 * table DuckDB native gives for the same view, and a page whose engine (any `.wasm`) is blocked.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ChartConfig } from '../../src/lib/charts/metric-chart.ts';
import { chartTableHtml } from '../../src/lib/charts/table.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { query, registerSnapshot } from '../../src/lib/query/server.ts';
import { root } from './harness.ts';

/** A data table's rows as `period|series|numerator|denominator|value`, so a diff shows only what differs. */
export function tableRows(html: string): string[] {
	return [...html.matchAll(/<tr><td>([\s\S]*?)<\/td><\/tr>/g)].map((row) => row[1]!.split('</td><td>').join('|'));
}

/**
 * Sets the chart's controls to `values` (select name → option value; '' is "All") in one change
 * and resolves with what answered it, once the new drawing is on screen.
 */
export async function changeView(chart: Locator, values: Record<string, string>): Promise<'prepared' | 'engine'> {
	await chart.evaluate((element) => {
		(element as unknown as { nextDraw: Promise<string> }).nextDraw = new Promise((resolve, reject) => {
			element.addEventListener('ops-chart:drawn', (event) => resolve((event as CustomEvent<{ answeredBy: string }>).detail.answeredBy), { once: true });
			new MutationObserver(() => (element as HTMLElement).dataset.state === 'error' && reject(new Error(element.querySelector('.ops-chart__status')!.textContent!))).observe(element, {
				attributes: true,
				attributeFilter: ['data-state'],
			});
		});
	}, undefined);
	await chart.evaluate((element, chosen) => {
		for (const [name, value] of Object.entries(chosen)) element.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!.value = value;
		element.querySelector('form')!.dispatchEvent(new Event('change', { bubbles: true }));
	}, values);
	return chart.evaluate((element) => (element as unknown as { nextDraw: Promise<'prepared' | 'engine'> }).nextDraw);
}

/** The chart's configuration, as the page carries it. */
export async function configOf(chart: Locator): Promise<ChartConfig> {
	return JSON.parse((await chart.getAttribute('data-config'))!) as ChartConfig;
}

/** The data table DuckDB native draws for the chart's query with `filters`, from the store's snapshot. */
export async function nativeTable(config: ChartConfig, filters: Record<string, string | null>): Promise<string[]> {
	await registerSnapshot(config.query.relation, path.join(root, 'data/snapshots', config.snapshot.dataset, `${config.snapshot.asOf}.parquet`));
	const built = buildMetricQuery(config.query, filters);
	return tableRows(chartTableHtml(await query(built.sql, built.params), config.chart));
}

/** The table on screen. */
export async function screenTable(chart: Locator): Promise<string[]> {
	return tableRows(await chart.locator('.ops-chart__table').innerHTML());
}

/** Refuses every `.wasm` request of the page and returns the URLs it refused, plus the wasm bytes received. */
export async function blockEngine(page: Page): Promise<{ refused: string[]; wasmBytes: () => number }> {
	const refused: string[] = [];
	let bytes = 0;
	await page.context().route(/\.wasm(\?.*)?$/, (route) => {
		refused.push(route.request().url());
		return route.abort('blockedbyclient');
	});
	page.on('response', async (response) => {
		if (/\.wasm(\?.*)?$/.test(response.url())) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
	});
	return { refused, wasmBytes: () => bytes };
}

/** Resolves once the page has been idle twice, when idle-time work (there should be none) would run. */
export async function idle(page: Page): Promise<void> {
	for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })));
}
