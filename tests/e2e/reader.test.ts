/** Reader tools: the ownership view, and printing a procedure for offline training. */
import { describe, expect, test } from 'vitest';
import { baseUrl, skipBrowser, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();
const url = (pathname: string) => new URL(pathname, baseUrl || 'http://localhost/').href;

describe.skipIf(skipBrowser)('reader tools', () => {
	test('the ownership view lists every document and filters by owner and kind', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/ownership/'));
			const rows = page.locator('.ops-ownership tbody tr');
			await expect(rows.count()).resolves.toBe(18);
			await page.locator('select[name="owner"]').selectOption('teen-safety');
			await expect(rows.locator('visible=true').count()).resolves.toBe(3);
			await page.locator('select[name="kind"]').selectOption('escalation-flow');
			await expect(rows.locator('visible=true').locator('td:first-child').allTextContents()).resolves.toEqual(['Minor safety on LIVE — escalation']);
			expect(problems).toEqual([]);
		});
	});

	test('printing a procedure leaves out the site chrome and writes out link addresses', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/sops/vendor-calibration/'));
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('#starlight__sidebar').isVisible()).resolves.toBe(false);
			await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
			await expect(page.locator('ol.ops-steps').isVisible()).resolves.toBe(true);
			const after = await page.locator('.sl-markdown-content a[href="/specs/live-gifting-fraud/"]').first().evaluate((link) => getComputedStyle(link, '::after').content);
			expect(after).toContain('/specs/live-gifting-fraud/');
			expect(problems).toEqual([]);
		});
	});
});
