/**
 * The Content-Security-Policy as a reader meets it: every page carries it, nothing the site does
 * trips it (theme switch, search, the chart engine), and what it is there for — a script that
 * reached the page any other way — is refused and recorded.
 */
import { describe, expect, test } from 'vitest';
import { chartsSettled, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

describe.skipIf(skipBrowser)('Content-Security-Policy', () => {
	test('every page states the policy: scripts from the site or by hash, never inline', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/live-gifting-fraud/'));
			const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
			expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
			expect(policy).not.toMatch(/'unsafe-eval'/);
			for (const directive of ["default-src 'self'", "worker-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) expect(policy).toContain(directive);
			expect(problems).toEqual([]);
		});
	});

	test('the theme switch and search run under the policy', async () => {
		await withPage(browser(), {}, async ({ page, problems, cspViolations }) => {
			await page.goto(url('/'));
			await page.locator('starlight-theme-select select').first().selectOption('light');
			await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
			await page.reload();
			await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
			await page.locator('button[data-open-modal]').click();
			await page.locator('.pagefind-ui__search-input').fill('gifting');
			await page.locator('.pagefind-ui__result-link').first().waitFor();
			expect(cspViolations).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('a chart page runs DuckDB-WASM in its worker under the policy', async () => {
		await withPage(browser(), {}, async ({ page, problems, cspViolations, requests }) => {
			await page.goto(url('/reviews/labeling-quality/2026-11-15/'));
			await chartsSettled(page);
			// Two declared filters at once: a combination only the engine answers.
			const chart = page.locator('ops-chart').first();
			await chart.locator('select[name="queue"]').selectOption({ index: 1 });
			await chart.locator('select[name="market"]').selectOption({ index: 1 });
			await page.waitForFunction(() => (document.querySelector('ops-chart') as HTMLElement).dataset.answeredBy === 'engine', undefined, { timeout: 60_000 });
			await expect.poll(() => chart.getAttribute('data-state')).toBe('ready');
			expect(requests.filter((request) => request.endsWith('.wasm'))).toHaveLength(1);
			expect(cspViolations).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('the data explorer runs DuckDB-WASM, a query and its quick chart under the policy', async () => {
		await withPage(browser(), {}, async ({ page, problems, cspViolations }) => {
			await page.goto(url(`/data/bot_service_daily/?sql=${encodeURIComponent("select date_trunc('week', date) as week, sum(sessions) as sessions from bot_service_daily group by all order by all")}`));
			await page.waitForFunction(() => (document.querySelector('ops-explorer') as HTMLElement).dataset.resultRows !== undefined, undefined, { timeout: 60_000 });
			await page.locator('.ops-explorer__chart summary').click();
			await page.locator('.ops-explorer__plot svg').waitFor();
			expect(cspViolations).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('an inline script that reached the page is refused, and the harness records it', async () => {
		await withPage(browser(), {}, async ({ page, cspViolations }) => {
			await page.goto(url('/'));
			await page.evaluate(() => {
				const script = document.createElement('script');
				script.textContent = 'document.title = "injected"';
				document.body.append(script);
			});
			// Refused twice: by the page's meta tag and by the same policy sent as a header.
			await expect.poll(() => cspViolations.length).toBe(2);
			for (const violation of cspViolations) expect(violation).toMatch(/^script-src-elem blocked inline in http/);
			await expect.poll(() => page.title()).not.toBe('injected');
		});
	});
});
