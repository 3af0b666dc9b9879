/**
 * The handbook in Simplified Chinese: translated pages with Chinese UI strings, the link to the
 * English source, the warning on an outdated translation, English pages served under /zh-cn/ with
 * Chinese chrome, glossary terms in Chinese, and printing.
 */
import { describe, expect, test } from 'vitest';
import { skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

describe.skipIf(skipBrowser)('the handbook in Chinese', () => {
	test('a translated spec renders in Chinese: UI strings, owner card, sections, sidebar, and a link to its English source', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/'));
			await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
			await expect(page.locator('h1').textContent()).resolves.toBe('LIVE 礼物欺诈');
			await expect(page.locator('.ops-owner__kind').textContent()).resolves.toMatch(/^标注规范 · 生效中 · 版本 2\.2\.0\s*$/);
			await expect(page.getByRole('complementary', { name: '负责团队与状态' }).locator('dt').allTextContents()).resolves.toEqual(['负责团队', '评审人', '生效日期', '复审截止']);
			const source = page.locator('.ops-owner__translation');
			await expect(source.textContent()).resolves.toBe('译自英文原文的 2.2.0 版。');
			await expect(source.getByRole('link', { name: '英文原文' }).getAttribute('href')).resolves.toBe('/specs/live-gifting-fraud/');
			await expect(page.locator('.sl-markdown-content h2, .ops-history h2').allTextContents()).resolves.toEqual(['判定树', '标签', '疑难案例', '版本历史']);
			await expect(page.locator('#label-gift_fraud').textContent()).resolves.toBe('礼物欺诈');
			await expect(page.locator('.ops-label__meta').first().textContent()).resolves.toContain('严重度：高');
			await expect(page.getByRole('link', { name: '参加校准测验' }).getAttribute('href')).resolves.toBe('/zh-cn/quiz/live-gifting-fraud/');
			// Links to pages not translated yet open the English page under /zh-cn/.
			await expect(page.getByRole('link', { name: 'LIVE monetization escalation' }).last().getAttribute('href')).resolves.toBe('/zh-cn/flows/live-monetization-escalation/');
			await expect(page.locator('.sidebar-content').textContent()).resolves.toContain('从这里开始');
			await expect(page.locator('.sidebar-content a[href="/zh-cn/glossary/"]').textContent()).resolves.toContain('术语表');
			await expect(page.locator('starlight-toc h2').first().textContent()).resolves.toBe('本页内容');
			await expect(page.locator('.ops-translation-outdated').count()).resolves.toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('an outdated translation warns its readers and sends them to the English page; the English page does not', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/replies/appeal-status/'));
			const warning = page.locator('.ops-translation-outdated');
			await expect(warning.locator('.starlight-aside__title').textContent()).resolves.toContain('译文可能已过时');
			await expect(warning.textContent()).resolves.toContain('本页翻译的是 1.0.1 版，而原文已更新到 1.0.2 版。两者不一致时，以英文原文为准。');
			await expect(warning.getByRole('link', { name: '英文原文' }).getAttribute('href')).resolves.toBe('/replies/appeal-status/');
			// What is in force is the English page's: its version in the owner card and the history, and its replies to copy.
			await expect(page.locator('.ops-owner__kind').textContent()).resolves.toMatch(/版本 1\.0\.2/);
			await expect(page.locator('.ops-history tbody tr').first().textContent()).resolves.toContain('1.0.2（现行）');
			const replies = () => page.locator('.ops-variant__text').evaluateAll((quotes) => quotes.map((quote) => (quote as HTMLElement).dataset.text));
			const translated = await replies();
			await page.goto(url('/replies/appeal-status/'));
			await expect(replies()).resolves.toEqual(translated);
			await expect(page.locator('.ops-translation-outdated').count()).resolves.toBe(0);
			await expect(page.locator('.ops-owner__translation').count()).resolves.toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('a page with no translation is served under /zh-cn/ in English, marked so, in the Chinese frame with a notice', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/flows/minor-safety-live/'));
			await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
			await expect(page.locator('main').getAttribute('lang')).resolves.toBe('en');
			await expect(page.locator('body').textContent()).resolves.toContain('此内容尚不支持你的语言。');
			await expect(page.locator('.sidebar-content').textContent()).resolves.toContain('从这里开始');
			// The content is English, the components' words with it.
			await expect(page.locator('.ops-owner__kind').textContent()).resolves.toMatch(/^Escalation flow · active/);
			await expect(page.locator('.sl-markdown-content h2').allTextContents()).resolves.toEqual(expect.arrayContaining(['Diagram', 'Steps']));
			expect(problems).toEqual([]);
		});
	});

	test('an archived version under /zh-cn/ points to the version in force in Chinese; previous and next stay in Chinese', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/v/2.1.0/'));
			await expect(page.locator('.sl-banner a').getAttribute('href')).resolves.toBe('/zh-cn/specs/live-gifting-fraud/');
			// Its English content links within the reader's language.
			await expect(page.locator('.ops-term__popover a').first().getAttribute('href')).resolves.toBe('/zh-cn/glossary/#term-gold-set');
			await page.goto(url('/zh-cn/glossary/'));
			const pagination = page.locator('.pagination-links a');
			await expect(pagination.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual(['/zh-cn/guides/adding-a-page/', '/zh-cn/teams/']);
			await page.goto(url('/zh-cn/onboarding/vendor-labeler-week-one/'));
			await expect(pagination.first().getAttribute('href')).resolves.toBe('/zh-cn/ownership/');
			expect(problems).toEqual([]);
		});
	});

	test('a glossary term opens its Chinese definition from the keyboard, with a link to the Chinese glossary', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/'));
			await page.getByRole('button', { name: '金标集' }).focus();
			await page.keyboard.press('Enter');
			const popover = page.getByRole('note', { name: '金标集' });
			await expect(popover.isVisible()).resolves.toBe(true);
			await expect(popover.textContent()).resolves.toContain('预先确定了正确标签的内容');
			await expect(popover.getByRole('link', { name: '在术语表中查看' }).getAttribute('href')).resolves.toBe('/zh-cn/glossary/#term-gold-set');
			await page.keyboard.press('Escape');
			await expect(popover.isVisible()).resolves.toBe(false);
			await page.goto(url('/zh-cn/glossary/'));
			await expect(page.locator('#term-gold-set').textContent()).resolves.toContain('金标集');
			await expect(page.locator('#term-gold-set').textContent()).resolves.toContain('Gold set');
			expect(problems).toEqual([]);
		});
	});

	test('the Chinese quiz asks the English quiz questions in the same order, in Chinese', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			const order = async (path: string) => {
				await page.goto(url(path));
				return page.locator('li[data-answer]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.answer));
			};
			const english = await order('/quiz/live-gifting-fraud/');
			await expect(order('/zh-cn/quiz/live-gifting-fraud/')).resolves.toEqual(english);
			await expect(page.locator('h1').textContent()).resolves.toBe('校准测验：LIVE 礼物欺诈');
			await expect(page.locator('legend').first().textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
			await expect(page.locator('main').textContent()).resolves.toContain('答对 93% 即通过');
			expect(problems).toEqual([]);
		});
	});

	test('the ownership view shows each translation and marks the outdated one', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/ownership/'));
			const row = page.locator('.ops-ownership tbody tr', { hasText: 'Appeals::Status of my appeal' });
			await expect(row.locator('td').last().textContent()).resolves.toBe('zh-CN 1.0.1, outdated');
			await expect(row.locator('.ops-ownership__outdated').getAttribute('href')).resolves.toBe('/zh-cn/replies/appeal-status/');
			const spec = page.locator('.ops-ownership tbody tr', { hasText: 'LIVE gifting fraud' });
			await expect(spec.locator('td').last().textContent()).resolves.toBe('zh-CN 2.2.0');
			await page.goto(url('/zh-cn/ownership/'));
			await expect(page.locator('h1').textContent()).resolves.toBe('负责团队与复审日期');
			await expect(page.locator('.ops-ownership tbody a', { hasText: 'LIVE 礼物欺诈' }).getAttribute('href')).resolves.toBe('/zh-cn/specs/live-gifting-fraud/');
			expect(problems).toEqual([]);
		});
	});

	test('a Chinese procedure prints without the sidebar, with its steps and link addresses', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/sops/vendor-calibration/'));
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('#starlight__sidebar').isVisible()).resolves.toBe(false);
			await expect(page.locator('ol.ops-steps').isVisible()).resolves.toBe(true);
			const after = await page.locator('.sl-markdown-content a[href="/zh-cn/specs/live-gifting-fraud/"]').first().evaluate((link) => getComputedStyle(link, '::after').content);
			expect(after).toContain('/zh-cn/specs/live-gifting-fraud/');
			expect(problems).toEqual([]);
		});
	});

	test('search on a Chinese page finds Chinese words inside longer ones', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/'));
			await page.locator('button[data-open-modal]').click();
			await page.locator('.pagefind-ui__search-input').fill('礼物');
			const first = page.locator('.pagefind-ui__result-link').first();
			await first.waitFor();
			await expect(first.textContent()).resolves.toBe('LIVE 礼物欺诈');
			await expect(first.getAttribute('href')).resolves.toBe('/zh-cn/specs/live-gifting-fraud/');
			expect(problems).toEqual([]);
		});
	});
});
