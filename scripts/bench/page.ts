/**
 * What the browser sections of `npm run bench` do to a page: open it in a context of its own (no
 * cache, no compiled engine; optionally with every `.wasm` request refused), count the bytes of
 * JavaScript and wasm it receives, read its first paint, and change a chart's controls and time the
 * change to its new drawing, as the page's own clock sees it.
 */
import type { Browser, Page } from 'playwright-core';

const wasm = /\.wasm(\?.*)?$/;

/**
 * Counts the bytes of JavaScript and wasm a page receives as sent (compressed where the server
 * compressed them), its workers' included: the engine's wasm is fetched by DuckDB's worker, which
 * the page's resource timings do not show.
 */
function countScripts(page: Page) {
	const bytes = { js: 0, wasm: 0 };
	page.on('response', (response) => {
		const length = Number(response.headers()['content-length'] ?? 0);
		const url = new URL(response.url()).pathname;
		if (/\.m?js$/.test(url)) bytes.js += length;
		else if (wasm.test(url)) bytes.wasm += length;
	});
	return () => ({ js: Math.round(bytes.js / 1024), wasm: Math.round(bytes.wasm / 1024) });
}

export interface FreshPage {
	page: Page;
	/** KiB of JavaScript and wasm received so far. */
	bytes: () => { js: number; wasm: number };
	/** `.wasm` requests refused so far (with `blockEngine`). */
	refused: string[];
	close: () => Promise<void>;
}

/** A page in a browser context of its own: nothing cached, no engine compiled. */
export async function fresh(browser: Browser, options: { blockEngine?: boolean; viewport?: { width: number; height: number } } = {}): Promise<FreshPage> {
	const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
	const refused: string[] = [];
	if (options.blockEngine) {
		await context.route(wasm, (route) => {
			refused.push(route.request().url());
			return route.abort('blockedbyclient');
		});
	}
	const page = await context.newPage();
	return { page, bytes: countScripts(page), refused, close: () => context.close() };
}

export const firstPaint = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				new PerformanceObserver((list) => {
					const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
					if (entry) resolve(entry.startTime);
				}).observe({ type: 'paint', buffered: true });
			}),
	);

/** Resolves once every chart of the page is interactive: the build's drawing kept, or redrawn by Plot. */
export const chartsReady = (page: Page) =>
	page.waitForFunction(() => [...document.querySelectorAll('ops-chart')].every((chart) => (chart as HTMLElement).dataset.state === 'ready'), undefined, { timeout: 120_000 });

/** Resolves once the page has been idle twice: when idle-time work, if there were any, would run. */
export async function idle(page: Page): Promise<void> {
	for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })));
}

export interface TimedChange {
	/** From the change event to the frame that shows the new drawing, in milliseconds. */
	total: number;
	/** The engine's query within it (`opsbook:query`), or NaN when the engine did not answer. */
	query: number;
	/** Waiting for the prepared file within it (`opsbook:prepared-file`), and drawing the rows (`opsbook:draw`). */
	file: number;
	draw: number;
	answeredBy: 'prepared' | 'engine';
}

/**
 * Sets the controls of the page's `index`-th chart to `values` in one change and times it: from
 * dispatching the change to the first frame painted after `<ops-chart>` says the new drawing is on
 * screen.
 */
export function timedChange(page: Page, values: Record<string, string>, index = 0): Promise<TimedChange> {
	return page.evaluate(async ([chosen, at]) => {
		const chart = document.querySelectorAll('ops-chart')[at] as HTMLElement;
		const drawn = new Promise<'prepared' | 'engine'>((resolve, reject) => {
			chart.addEventListener('ops-chart:drawn', (event) => resolve((event as CustomEvent<{ answeredBy: 'prepared' | 'engine' }>).detail.answeredBy), { once: true });
			new MutationObserver(() => chart.dataset.state === 'error' && reject(new Error(chart.querySelector('.ops-chart__status')!.textContent!))).observe(chart, { attributes: true });
		});
		const start = performance.now();
		for (const [name, value] of Object.entries(chosen)) chart.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!.value = value;
		chart.querySelector('form')!.dispatchEvent(new Event('change', { bubbles: true }));
		const answeredBy = await drawn;
		// The frame that paints it: a task queued from the next animation frame runs after its paint.
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		const total = performance.now() - start;
		// <ops-chart> measures its parts, src/lib/charts/live.ts the engine's query.
		const part = (name: string) => {
			const entry = performance.getEntriesByName(name).at(-1);
			return entry && entry.startTime >= start ? entry.duration : Number.NaN;
		};
		return { total, query: part('opsbook:query'), file: part('opsbook:prepared-file'), draw: part('opsbook:draw'), answeredBy };
	}, [values, index] as const);
}

/** The duration of the page's performance measure `name` (e.g. `opsbook:engine`), once it exists. */
export async function measured(page: Page, name: string): Promise<number> {
	await page.waitForFunction((entry) => performance.getEntriesByName(entry).length > 0, name, { timeout: 120_000 });
	return page.evaluate((entry) => performance.getEntriesByName(entry).at(-1)!.duration, name);
}
