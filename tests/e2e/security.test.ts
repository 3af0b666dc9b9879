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
		await withPage(browser(), {}, async ({ page, problems, cspViolations }) => {
			await page.goto(url('/reviews/bot-service/2026-11-15/'));
			await page.locator('ops-chart select').first().selectOption({ index: 1 });
			await chartsSettled(page);
			await expect.poll(() => page.locator('ops-chart').first().getAttribute('data-state')).toBe('ready');
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
