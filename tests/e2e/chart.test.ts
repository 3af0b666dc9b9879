/**
 * The charts of the metric reviews, end to end: drawn in the HTML before any script runs, redrawn
 * by Plot in the browser, every declared filter answered from the build's prepared aggregates with
 * DuckDB native's numbers while every `.wasm` request is refused, and only a combination the build
 * did not prepare answered by DuckDB-WASM — with the same numbers.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, chartsSettled, dist, href, root, skipBrowser, url, useBrowser, withPage } from './harness.ts';
import { blockEngine, changeView, configOf, idle, nativeTable, screenTable } from './chart-views.ts';
import { measureFit } from './fit.ts';

const review = '/reviews/bot-service/2026-11-15/';
// Every review of every series that draws a chart (series indexes and old addresses draw none).
const reviews = skipBrowser
	? []
	: (await builtPages()).filter((pathname) => pathname.startsWith('/reviews/') && readFileSync(path.join(dist, pathname, 'index.html'), 'utf8').includes('<ops-chart'));

const browser = useBrowser();
const engine = /duckdb|\.wasm$|\.parquet$|\/live\.[\w-]+\.js$/;

describe.skipIf(skipBrowser)('<ops-chart> on the bot review', () => {
	test('the SVG and its data table are in the HTML before any script runs', async () => {
		const html = await (await fetch(url(review))).text();
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

	test('search finds the review by its commentary, not by the numbers of its chart', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url(review));
			// Pagefind's own API, as the search box uses it: which pages a term finds. A string, so that
			// Vitest leaves its import() alone.
			const found = (term: string): Promise<string[]> =>
				page.evaluate(
					`import(${JSON.stringify(href('/pagefind/pagefind.js'))}).then(async (pagefind) => Promise.all((await pagefind.search(${JSON.stringify(term)})).results.map(async (result) => (await result.data()).url)))`,
				);
			expect(await found('outlier')).toContain(href(review));
			// Sessions of "All others" in the week of 18 May: a cell of the chart's data table only, and of
			// its filters, SVG and checksum none is indexed either.
			expect(await found('37,505')).not.toContain(href(review));
			expect(await found('2026-05-18')).not.toContain(href(review));
			expect(problems).toEqual([]);
		});
	});

	test('without JavaScript the chart is complete and no engine is fetched', async () => {
		await withPage(browser(), { javaScriptEnabled: false }, async (watched) => {
			await watched.page.goto(url(review), { waitUntil: 'networkidle' });
			const chart = watched.page.locator('ops-chart').first();
			await expect.poll(() => chart.getAttribute('data-state')).toBe('static');
			await expect.poll(() => chart.locator('svg').first().isVisible()).toBe(true);
			expect(watched.requests.filter((address) => engine.test(address))).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test('without JavaScript at 390 px, every review\'s build-time charts are readable: text of 11 px or more, no sideways scroll', async () => {
		expect(reviews.length).toBeGreaterThanOrEqual(5);
		await withPage(browser(), { javaScriptEnabled: false, viewport: { width: 390, height: 844 } }, async ({ page, problems }) => {
			for (const pathname of reviews) {
				await page.goto(url(pathname));
				// The narrow drawing the build made for phones is the one shown, with its text on screen.
				// Plot's drawing (the legend's swatches are small svgs of their own, without a viewBox).
				const shown = await page.locator('ops-chart svg[viewBox]').evaluateAll((svgs) =>
					svgs.filter((svg) => svg.getBoundingClientRect().width > 0).map((svg) => ({ width: svg.getBoundingClientRect().width, texts: [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0).length })),
				);
				expect(shown.length, pathname).toBeGreaterThan(0);
				for (const svg of shown) {
					expect(svg.width, pathname).toBeLessThanOrEqual(390);
					expect(svg.texts, pathname).toBeGreaterThan(3);
				}
				expect({ pathname, problems: await measureFit(page) }).toEqual({ pathname, problems: [] });
			}
			expect(problems).toEqual([]);
		});
	});

	test('no engine on load, on idle, or for any declared filter: 0 bytes of wasm', async () => {
		await withPage(browser(), {}, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(url(review));
			await chartsSettled(watched.page);
			await idle(watched.page);
			const chart = watched.page.locator('ops-chart').first();
			const views: Record<string, string>[] = [{ market: 'TH' }, { market: '', from: '2026-09-07', to: '2026-10-26' }, { from: '2026-05-18', to: '2026-11-09', series: 'all' }, { series: '' }];
			for (const view of views) await expect(changeView(chart, view)).resolves.toBe('prepared');
			await expect(changeView(watched.page.locator('ops-chart').nth(1), { market: 'VN' })).resolves.toBe('prepared');
			await idle(watched.page);
			expect(blocked.refused).toEqual([]);
			expect(blocked.wasmBytes()).toBe(0);
			expect(watched.requests.filter((address) => engine.test(address))).toEqual([]);
			// The prepared file of each chart, fetched once.
			expect(watched.requests.filter((address) => address.includes('/_charts/'))).toHaveLength(2);
			expect(watched.problems).toEqual([]);
		});
	});

	test('the prepared file of a chart near the viewport is there before the first filter change; a chart further down fetches its own when scrolled to', async () => {
		const height = 400;
		await withPage(browser(), { viewport: { width: 1280, height } }, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(url(review));
			await chartsSettled(watched.page);
			const charts = watched.page.locator('ops-chart');
			const files = [(await configOf(charts.nth(0))).prepared.url, (await configOf(charts.nth(1))).prepared.url];
			expect(new Set(files).size).toBe(2);
			// `<ops-chart>` fetches its file within 1250 px of the viewport: the first chart starts within
			// that distance below the fold, the second further down.
			const near = height + 1250;
			const tops = await charts.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
			expect(tops[0]).toBeLessThan(near);
			expect(tops[1]).toBeGreaterThan(near + 100);
			const fetched = () => watched.requests.filter((address) => address.includes('/_charts/')).map((address) => new URL(address).pathname);
			// No pointer, touch, focus or filter change yet: the first chart's file comes because it is near.
			await expect.poll(fetched).toEqual([files[0]]);
			await idle(watched.page);
			expect(fetched()).toEqual([files[0]]);
			await charts.nth(1).scrollIntoViewIfNeeded();
			await expect.poll(fetched).toEqual(files);
			// Each change is answered from the file already fetched: none is fetched again.
			await expect(changeView(charts.nth(0), { market: 'TH' })).resolves.toBe('prepared');
			await expect(changeView(charts.nth(1), { market: 'VN' })).resolves.toBe('prepared');
			expect(fetched()).toEqual(files);
			expect(blocked.refused).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test.each([1280, 390])('at %i px the target\'s label stands clear of every line, on every review', async (width) => {
		await withPage(browser(), { viewport: { width, height: 900 } }, async ({ page, problems }) => {
			let labels = 0;
			let marks = 0;
			for (const pathname of reviews) {
				await page.goto(url(pathname));
				await chartsSettled(page);
				const overlaps = await page.locator('ops-chart .ops-chart__plot').evaluateAll((plots) =>
					plots.flatMap((plot) => {
						// The drawing on screen: the build's wide or narrow one (the other is hidden), or the browser's.
						const label = [...plot.querySelectorAll('.ops-chart-target-key text')].find((text) => text.getBoundingClientRect().width > 0);
						if (!label) return [];
						const box = label.getBoundingClientRect();
						const lines = [...plot.querySelectorAll('.ops-chart-data path, .ops-chart-data rect')].map((mark) => mark.getBoundingClientRect()).filter((mark) => mark.width > 0);
						const hit = lines.filter((mark) => mark.left < box.right && box.left < mark.right && mark.top < box.bottom && box.top < mark.bottom);
						return [{ label: label.textContent, marks: lines.length, hit: hit.length }];
					}),
				);
				for (const overlap of overlaps) expect({ pathname, ...overlap }).toEqual({ pathname, label: overlap.label, marks: overlap.marks, hit: 0 });
				labels += overlaps.length;
				marks += overlaps.reduce((sum, overlap) => sum + overlap.marks, 0);
			}
			// The bot review's two charts carry a target: the test measured something.
			expect(labels).toBeGreaterThanOrEqual(2);
			expect(marks).toBeGreaterThan(labels);
			expect(problems).toEqual([]);
		});
	});

	// The build draws at the boxes of common screens: there the browser keeps its drawing and never
	// fetches Plot on load; elsewhere it redraws at the box's width.
	test.each([
		[390, 'kept', 360],
		[1440, 'kept', 720],
		[1280, 'redrawn', 632],
	])('at %i px the build\'s drawing is %s (drawn %i px wide), and Plot fetched only to redraw', async (width, fate, drawn) => {
		await withPage(browser(), { viewport: { width, height: 900 } }, async ({ page, problems }) => {
			const plot: string[] = [];
			page.on('request', (request) => /\/_astro\/draw\.[\w-]+\.js$/.test(request.url()) && plot.push(request.url()));
			await page.goto(url(review));
			await chartsSettled(page);
			const charts = await page.locator('ops-chart').evaluateAll((elements) =>
				elements.map((chart) => {
					const shown = [...chart.querySelectorAll('.ops-chart__plot svg[viewBox]')].find((svg) => svg.getBoundingClientRect().width > 0)!;
					return { box: chart.querySelector('.ops-chart__plot')!.clientWidth, drawn: Number(shown.getAttribute('width')), fits: (chart as HTMLElement).dataset.width };
				}),
			);
			expect(charts).toHaveLength(2);
			for (const chart of charts) {
				expect(chart.drawn).toBe(drawn);
				expect(Math.abs(chart.box - chart.drawn)).toBeLessThanOrEqual(0.02 * chart.drawn);
				expect(chart.fits).toBe(String(chart.box));
			}
			expect(plot).toHaveLength(fate === 'kept' ? 0 : 1);
			expect(problems).toEqual([]);
		});
	});

	test('a redraw whose Plot cannot be fetched says so, and the build\'s drawing stays', async () => {
		await withPage(browser(), { viewport: { width: 390, height: 900 } }, async ({ page, problems }) => {
			await page.goto(url(review));
			await chartsSettled(page);
			const chart = page.locator('ops-chart').first();
			await page.route(/\/_astro\/draw\.[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
			// Turned to landscape: the phone's drawing no longer fits its box.
			await page.setViewportSize({ width: 844, height: 390 });
			await expect.poll(() => chart.getAttribute('data-state')).toBe('error');
			await expect.poll(() => chart.locator('.ops-chart__status').textContent()).not.toBe('');
			await expect.poll(() => chart.locator('.ops-chart__svg').count()).toBe(2);
			// The failed fetch (and Chromium's line about it), and nothing else: no unhandled rejection.
			expect(problems).toContainEqual(expect.stringMatching(/^failed request: .*\/_astro\/draw\.[\w-]+\.js /));
			expect(problems.filter((problem) => !/^(failed request: |console error: Failed to load resource)/.test(problem))).toEqual([]);
		});
	});

	test('a market filter redraws from the prepared aggregates with the rows of DuckDB native, engine blocked', async () => {
		await withPage(browser(), {}, async (watched) => {
			const blocked = await blockEngine(watched.page);
			await watched.page.goto(url(review));
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
			await watched.page.goto(url(review));
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
			await watched.page.goto(url(review));
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
			await watched.page.goto(url(review));
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
			await watched.page.goto(url(pathname));
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
			await watched.page.goto(url(pathname));
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
			expect(watched.requests.filter((address) => address.endsWith('.wasm'))).toHaveLength(asked > 0 ? 1 : 0);
			expect(new Set(watched.requests.filter((address) => address.endsWith('.parquet'))).size).toBe(watched.requests.filter((address) => address.endsWith('.parquet')).length);
			expect(watched.problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('charts in both themes', () => {
	const themes = ['light', 'dark'] as const;

	test.each(themes)('%s: the filters are the site\'s controls — its border, background, text and font — not the browser\'s grey defaults', async (theme) => {
		await withPage(browser(), { colorScheme: theme, viewport: { width: 1280, height: 900 } }, async ({ page, problems }) => {
			await page.goto(url(review));
			await chartsSettled(page);
			await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
			const styles = await page.evaluate(() => {
				const pick = (element: Element) => {
					const style = getComputedStyle(element);
					return { appearance: style.appearance, border: style.borderTopColor, radius: style.borderTopLeftRadius, background: style.backgroundColor, color: style.color, font: style.fontFamily };
				};
				// What the site's controls are drawn with: a button of its own, on the page's background.
				const button = document.querySelector('.ops-chart__csv')!;
				const reference = { ...pick(button), appearance: 'none', background: getComputedStyle(document.body).backgroundColor };
				return { reference, selects: [...document.querySelectorAll('ops-chart select')].map(pick) };
			});
			expect(styles.selects.length).toBeGreaterThanOrEqual(4);
			for (const select of styles.selects) expect(select).toEqual(styles.reference);
			await mkdir(path.join(root, 'test-results', 'themes'), { recursive: true });
			await page.locator('ops-chart').first().screenshot({ path: path.join(root, 'test-results', 'themes', `chart-${theme}.png`) });
			expect(problems).toEqual([]);
		});
	});

	test.each(themes)('%s: every line of every review chart stands out from the background at 3:1, and its text at 4.5:1', async (theme) => {
		await withPage(browser(), { colorScheme: theme, viewport: { width: 1280, height: 900 } }, async ({ page, problems }) => {
			const weak: string[] = [];
			for (const pathname of reviews) {
				await page.goto(url(pathname));
				await chartsSettled(page);
				await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
				weak.push(
					...(await page.evaluate((pathname) => {
						const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
						const luminance = ([r, g, b]: number[]) =>
							[r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
						const background = rgb(getComputedStyle(document.body).backgroundColor);
						// A colour drawn at an opacity is what it shows over the background.
						const over = (color: number[], alpha: number) => color.slice(0, 3).map((c, i) => c * alpha + background[i]! * (1 - alpha));
						const contrast = (color: number[]) => {
							const [a, b] = [luminance(color), luminance(background)].sort((x, y) => y - x);
							return (a! + 0.05) / (b! + 0.05);
						};
						const alpha = (element: Element, property: 'strokeOpacity' | 'fillOpacity') => {
							let value = Number(getComputedStyle(element)[property]);
							for (let node: Element | null = element; node && node.localName !== 'svg'; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
							return value;
						};
						const out: string[] = [];
						let lines = 0;
						for (const svg of document.querySelectorAll('ops-chart svg[viewBox]')) {
							if (svg.getBoundingClientRect().width === 0) continue;
							// The data: each series' line (trend.ts draws them 1.6 px wide, in the series' colour).
							for (const line of svg.querySelectorAll('g[stroke-width="1.6"] path')) {
								lines++;
								const style = getComputedStyle(line);
								const ratio = contrast(over(rgb(style.stroke), alpha(line, 'strokeOpacity')));
								if (ratio < 3) out.push(`${pathname}: a line in ${style.stroke} is ${ratio.toFixed(2)}:1`);
							}
							for (const text of svg.querySelectorAll('text')) {
								if (!text.textContent?.trim() || text.getBoundingClientRect().width === 0) continue;
								const ratio = contrast(over(rgb(getComputedStyle(text).fill), alpha(text, 'fillOpacity')));
								if (ratio < 4.5) out.push(`${pathname}: text "${text.textContent.trim().slice(0, 20)}" is ${ratio.toFixed(2)}:1`);
							}
						}
						return [...out, ...Array<string>(lines).fill('')];
					}, pathname)),
				);
			}
			// Every measured line leaves an empty entry: the selectors found the drawing.
			expect(weak.filter((line) => line === '').length).toBeGreaterThan(20);
			expect(weak.filter(Boolean)).toEqual([]);
			expect(problems).toEqual([]);
		});
	});
});
