/** Versions as readers meet them: the history and diff under a document, "in force on", archives. */
import { describe, expect, test } from 'vitest';
import { skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

describe.skipIf(skipBrowser)('document versions', () => {
	test('a document lists its versions, links the archived ones, and shows what changed since the last', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/bot-intent-taxonomy/'));
			const history = page.locator('.ops-history');
			await expect.poll(() => history.locator('tbody tr td:first-child').allTextContents()).toEqual(['3.1.0 (in force)', '3.0.0', '2.3.0']);
			await expect.poll(() => history.getByRole('link', { name: '3.0.0', exact: true }).getAttribute('href')).toBe('/specs/bot-intent-taxonomy/v/3.0.0/');
			await expect.poll(() => history.locator('h3').textContent()).toBe('What changed since 3.0.0');
			await expect.poll(async () => (await history.locator('.ops-diff > li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
				'minor severity of label report_user high → medium',
				expect.stringMatching(/^patch definition of label payout_delay reworded ?A creator's withdrawal of earnings is late, missing/),
			]);
			const inserted = async () => (await history.locator('.ops-diff__words ins').allTextContents()).join('');
			await expect.poll(inserted).toContain('returned by the bank');
			await expect.poll(inserted).toContain('paid short');
			await expect.poll(() => history.locator('.ops-diff__words del').allTextContents()).toEqual(['returned']);
			await expect.poll(() => page.locator('starlight-toc a', { hasText: 'Version history' }).count()).toBe(1);
			expect(problems).toEqual([]);
		});
	});

	test('?on=DATE says which version was in force that day, and links it', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/bot-intent-taxonomy/?on=2026-10-01'));
			const output = page.locator('ops-in-force output');
			await output.filter({ hasText: 'was in force' }).waitFor();
			await expect.poll(() => output.textContent()).toBe('On 2026-10-01, version 3.0.0 was in force (effective 2026-09-15).');
			await expect.poll(() => output.getByRole('link').getAttribute('href')).toBe('/specs/bot-intent-taxonomy/v/3.0.0/');
			await page.locator('ops-in-force input[name="on"]').fill('2026-11-20');
			await page.getByRole('button', { name: 'Show' }).click();
			await expect.poll(() => output.textContent()).toBe('On 2026-11-20, version 3.1.0 was in force (effective 2026-11-18).');
			expect(problems).toEqual([]);
		});
	});

	test('an archived version renders as it was, with a banner to the version in force, outside the sidebar', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/replies/appeal-status/v/1.0.1/'));
			await expect.poll(() => page.locator('.sl-banner').textContent()).toContain('You are reading version 1.0.1 of “Appeals::Status of my appeal”');
			await expect.poll(() => page.locator('.sl-banner a').getAttribute('href')).toBe('/replies/appeal-status/');
			await expect.poll(() => page.getByRole('complementary', { name: 'Ownership and status' }).textContent()).toMatch(/version 1\.0\.1/);
			await expect.poll(() => page.locator('.ops-variant[lang="en"] blockquote').textContent()).toContain('we have your appeal and a reviewer is looking at it');
			await expect.poll(() => page.locator('nav[aria-label="Main"] a[href*="/v/"]').count()).toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('the in-force page answers for any document from ?id= and ?on=', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/in-force/?id=live-gifting-fraud&on=2026-10-01'));
			const answer = page.locator('.ops-in-force-page__answer');
			await answer.filter({ hasText: 'was in force' }).waitFor();
			await expect.poll(() => answer.textContent()).toBe('On 2026-10-01, LIVE gifting fraud was in force as version 2.1.0 (effective 2026-09-01).');
			await expect.poll(() => answer.getByRole('link').getAttribute('href')).toBe('/specs/live-gifting-fraud/v/2.1.0/');
			expect(problems).toEqual([]);
		});
	});
});
