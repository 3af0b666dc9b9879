/**
 * Every built page, as a reader opens it: no console error, no failed request, nothing from
 * another host, no serious accessibility violation. Under a sub-path (npm test's second run) axe
 * is left out: it judges names, roles, contrast and structure, which a base path cannot change
 * (it is only in addresses, and every address a page loads is checked here in both runs); axe is
 * the slowest part of each page's check.
 */
import { describe, expect, test } from 'vitest';
import { axeViolations, basePath, builtPages, chartsSettled, href, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const pages = skipBrowser ? [] : await builtPages();
const engine = /duckdb|\.wasm$|\.parquet$|\/live\.[\w-]+\.js$/;
const browser = useBrowser();

describe.skipIf(skipBrowser)('every page of the production build', () => {
	test('the build has the demo handbook', () => {
		expect(pages).toEqual(expect.arrayContaining(['/', '/specs/live-gifting-fraud/', '/reviews/bot-service/2026-11-15/']));
	});

	const axe = basePath === '/';

	test.each(pages)(`%s loads cleanly${axe ? ' and passes axe' : ''}`, async (pathname) => {
		await withPage(browser(), {}, async (watched) => {
			const response = await watched.page.goto(url(pathname), { waitUntil: 'load' });
			expect(response?.status()).toBe(200);
			await chartsSettled(watched.page);
			await watched.page.waitForLoadState('networkidle');
			const states = await watched.page.$$eval('ops-chart', (charts) => charts.map((chart) => (chart as HTMLElement).dataset.state));
			expect(states.every((state) => state === 'ready')).toBe(true);
			// DuckDB, its wasm and snapshots come only when the reader asks for what only the engine
			// can answer: never on load or idle, on any page but the data explorer's workbench.
			if (!/^\/(zh-cn\/)?data\/[^/]+\/$/.test(pathname)) expect(watched.requests.filter((address) => engine.test(address))).toEqual([]);
			if (axe) expect(await axeViolations(watched.page)).toEqual([]);
			expect(watched.problems).toEqual([]);
		});
	});

	test('an unknown address gets the 404 page, with a way back', async () => {
		await withPage(browser(), {}, async (watched) => {
			const response = await watched.page.goto(url('/no-such-page/'));
			expect(response?.status()).toBe(404);
			await expect.poll(() => watched.page.locator('h1').textContent()).toBe('Page not found');
			await expect.poll(() => watched.page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe(href('/'));
			expect(await axeViolations(watched.page)).toEqual([]);
			// The page's own 404 is expected; nothing else may go wrong.
			expect(watched.problems).toEqual([
				`HTTP 404: ${url('/no-such-page/')}`,
				'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
			]);
		});
	});
});
