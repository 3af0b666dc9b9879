/**
 * Every page of both languages, at a phone's width (390 px) and a laptop's (1280 px): the document
 * never scrolls sideways, no table is wider than its box unless that box scrolls and shows it, and
 * no chart or diagram text is smaller than 11 px on screen (see fit.ts). A full-page screenshot of
 * every page at both widths goes to test-results/widths/ (CI keeps it as an artifact; git ignores it).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, root, skipBrowser, url, useBrowser, withPage } from './harness.ts';
import { measureFit } from './fit.ts';

const widths = [390, 1280] as const;
const pages = skipBrowser ? [] : await builtPages();
const shots = path.join(root, 'test-results', 'widths');
const browser = useBrowser();

/** `/zh-cn/specs/x/` → `zh-cn_specs_x.jpg`; the home page is `index.jpg`. */
const shotName = (pathname: string) => `${pathname.replace(/^\/|\/$/g, '').replaceAll('/', '_') || 'index'}.jpg`;

describe.skipIf(skipBrowser)('every page fits the reader\'s screen', () => {
	test('both languages are walked', () => {
		expect(pages).toEqual(expect.arrayContaining(['/', '/zh-cn/', '/ownership/', '/zh-cn/ownership/', '/metrics/', '/reviews/bot-service/2026-11-15/', '/reviews/bot-service/']));
	});

	// Pages are independent: a few at a time share the one browser, each in its own context.
	describe.concurrent.each(widths)('at %i px', (width) => {
		test.each(pages)('%s', async (pathname) => {
			await withPage(browser(), { viewport: { width, height: 900 } }, async ({ page }) => {
				// What is measured here is layout: the charts' engine, which a chart loads when the
				// browser is idle (and chart.test.ts tests), would only cost time, so idle never comes.
				await page.addInitScript(() => {
					window.requestIdleCallback = () => 0;
				});
				await page.goto(url(pathname), { waitUntil: 'load' });
				// Charts redraw at the width of their box as soon as their script runs.
				await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('ops-chart')].every((chart) => chart.dataset.width !== undefined), undefined, { timeout: 30_000 });
				await mkdir(path.join(shots, String(width)), { recursive: true });
				// JPEG: a tenth of the time PNG takes to encode a tall page, and small enough to keep.
				await page.screenshot({ path: path.join(shots, String(width), shotName(pathname)), fullPage: true, type: 'jpeg', quality: 70 });
				expect(await measureFit(page)).toEqual([]);
			});
		});
	});
});
