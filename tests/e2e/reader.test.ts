/** Reader tools: the ownership view, and printing a procedure for offline training. */
import { describe, expect, test } from 'vitest';
import { skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

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

describe.skipIf(skipBrowser)('onboarding progress', () => {
	test('ticks survive a reload, and an item whose page has a new version asks to be read again', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/onboarding/vendor-labeler-week-one/'));
			await page.getByRole('checkbox', { name: 'Read: Vendor calibration' }).check();
			await page.getByRole('checkbox', { name: 'Read: LIVE gifting fraud' }).check();
			await expect(page.locator('.ops-path__count').textContent()).resolves.toBe('2 of 6 read');
			await page.reload();
			await expect(page.getByRole('checkbox', { name: 'Read: Vendor calibration' }).isChecked()).resolves.toBe(true);
			await expect(page.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(2);

			// As if the reader had ticked the gifting spec at its previous version.
			await page.evaluate(() => {
				const key = Object.keys(localStorage).find((name) => name.startsWith('opsbook:path:vendor-labeler-week-one@'))!;
				localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), 'live-gifting-fraud': '2.1.0' }));
			});
			await page.reload();
			const item = page.locator('li[data-page="live-gifting-fraud"]');
			await expect(item.getByRole('checkbox').isChecked()).resolves.toBe(false);
			await expect(item.locator('.ops-path__updated').isVisible()).resolves.toBe(true);
			await expect(page.locator('.ops-path__count').textContent()).resolves.toBe('1 of 6 read');
			expect(problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('glossary terms', () => {
	test('a term opens its definition from the keyboard, links to the glossary, and closes with Escape', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/live-gifting-fraud/'));
			const term = page.getByRole('button', { name: 'gold set' });
			await term.focus();
			await page.keyboard.press('Enter');
			const popover = page.getByRole('note', { name: 'Gold set' });
			await expect(popover.isVisible()).resolves.toBe(true);
			await expect(popover.textContent()).resolves.toContain('Items whose correct label is known in advance');
			await expect(popover.getByRole('link', { name: 'More in the glossary' }).getAttribute('href')).resolves.toBe('/glossary/#term-gold-set');
			await page.keyboard.press('Escape');
			await expect(popover.isVisible()).resolves.toBe(false);
			expect(problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('calibration quiz', () => {
	test('scores the answers, shows the rationale, and links the missed label', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/quiz/live-gifting-fraud/'));
			const questions = page.locator('li[data-answer]');
			await expect(questions.count()).resolves.toBe(3);
			const answers = await questions.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.answer!));
			for (const [i, answer] of answers.entries()) {
				// Every answer right but the first.
				const pick = i === 0 ? (answer === 'no_violation' ? 'gift_fraud' : 'no_violation') : answer;
				await questions.nth(i).locator(`input[value="${pick}"]`).check();
				await questions.nth(i).getByRole('button', { name: 'Check' }).click();
			}
			await expect(questions.nth(1).locator('.ops-quiz__result').textContent()).resolves.toBe('✓ Right.');
			await expect(questions.nth(0).locator('.ops-quiz__result').textContent()).resolves.toMatch(/^✗ Not .+: it is .+\.$/);
			await expect(questions.nth(0).locator('.ops-quiz__answer').isVisible()).resolves.toBe(true);
			const score = page.locator('.ops-quiz__score');
			await expect(score.textContent()).resolves.toMatch(/^You scored 2 of 3\. Read again: .+\.$/);
			await expect(score.getByRole('link').getAttribute('href')).resolves.toBe(`/specs/live-gifting-fraud/#label-${answers[0]}`);
			expect(problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('role pages', () => {
	test('"I am new" leads to an onboarding path, and each role page lists its documents from their metadata', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/'));
			await page.getByRole('link', { name: 'I am new' }).first().click();
			await page.getByRole('link', { name: 'Week one for vendor labelers on the LIVE queues' }).last().click();
			await expect(page.locator('h1').textContent()).resolves.toBe('Week one for vendor labelers on the LIVE queues');
			await page.goto(url('/start/service-bot/'));
			const replies = await page.locator('.ops-doc-list').nth(1).locator('a').allTextContents();
			expect(replies).toEqual(['Appeals::Status of my appeal', 'Earnings::My payout is late', 'Gifts::Refund a gift I sent']);
			expect(problems).toEqual([]);
		});
	});
});
