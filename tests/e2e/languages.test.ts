/**
 * The handbook in Simplified Chinese: translated pages with Chinese UI strings, the link to the
 * English source, the warning on an outdated translation, English pages served under /zh-cn/ with
 * Chinese chrome, glossary terms in Chinese, and printing.
 */
import { describe, expect, test } from 'vitest';
import { href, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

describe.skipIf(skipBrowser)('the handbook in Chinese', () => {
	test('a translated spec renders in Chinese: UI strings, owner card, sections, sidebar, and a link to its English source', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/'));
			await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
			await expect.poll(() => page.locator('h1').textContent()).toBe('LIVE 礼物欺诈');
			await expect.poll(() => page.locator('.ops-owner__kind').textContent()).toMatch(/^标注规范 · 生效中 · 版本 2\.2\.0\s*$/);
			await expect.poll(() => page.getByRole('complementary', { name: '负责团队与状态' }).locator('dt').allTextContents()).toEqual(['负责团队', '评审人', '生效日期', '复审截止']);
			const source = page.locator('.ops-owner__translation');
			await expect.poll(() => source.textContent()).toBe('译自英文原文的 2.2.0 版。');
			await expect.poll(() => source.getByRole('link', { name: '英文原文' }).getAttribute('href')).toBe(href('/specs/live-gifting-fraud/'));
			await expect.poll(() => page.locator('.sl-markdown-content h2, .ops-history h2').allTextContents()).toEqual(['判定树', '标签', '疑难案例', '版本历史']);
			await expect.poll(() => page.locator('#label-gift_fraud').textContent()).toBe('礼物欺诈');
			await expect.poll(() => page.locator('.ops-label__meta').first().textContent()).toContain('严重度：高');
			await expect.poll(() => page.getByRole('link', { name: '参加校准测验' }).getAttribute('href')).toBe(href('/zh-cn/quiz/live-gifting-fraud/'));
			// Links to pages not translated yet open the English page under /zh-cn/.
			await expect.poll(() => page.getByRole('link', { name: 'LIVE monetization escalation' }).last().getAttribute('href')).toBe(href('/zh-cn/flows/live-monetization-escalation/'));
			await expect.poll(() => page.locator('.sidebar-content').textContent()).toContain('从这里开始');
			await expect.poll(() => page.locator(`.sidebar-content a[href="${href('/zh-cn/glossary/')}"]`).textContent()).toContain('术语表');
			await expect.poll(() => page.locator('starlight-toc h2').first().textContent()).toBe('本页内容');
			await expect.poll(() => page.locator('.ops-translation-outdated').count()).toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('an outdated translation warns its readers and sends them to the English page; the English page does not', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/replies/appeal-status/'));
			const warning = page.locator('.ops-translation-outdated');
			await expect.poll(() => warning.locator('.starlight-aside__title').textContent()).toContain('译文可能已过时');
			await expect.poll(() => warning.textContent()).toContain('本页翻译的是 1.0.1 版，而原文已更新到 1.0.2 版。两者不一致时，以英文原文为准。');
			await expect.poll(() => warning.getByRole('link', { name: '英文原文' }).getAttribute('href')).toBe(href('/replies/appeal-status/'));
			// What is in force is the English page's: its version in the owner card and the history, and its replies to copy.
			await expect.poll(() => page.locator('.ops-owner__kind').textContent()).toMatch(/版本 1\.0\.2/);
			await expect.poll(() => page.locator('.ops-history tbody tr').first().textContent()).toContain('1.0.2（现行）');
			// The same replies, each page opening on its reader's locale first.
			const replies = () => page.locator('.ops-variant__text').evaluateAll((quotes) => quotes.map((quote) => (quote as HTMLElement).dataset.text).sort());
			const translated = await replies();
			await page.goto(url('/replies/appeal-status/'));
			await expect.poll(() => replies()).toEqual(translated);
			await expect.poll(() => page.locator('.ops-translation-outdated').count()).toBe(0);
			await expect.poll(() => page.locator('.ops-owner__translation').count()).toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('a page with no translation is served under /zh-cn/ in English, marked so, in the Chinese frame with a notice', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/flows/minor-safety-live/'));
			await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
			await expect.poll(() => page.locator('main').getAttribute('lang')).toBe('en');
			await expect.poll(() => page.locator('body').textContent()).toContain('此内容尚不支持你的语言。');
			await expect.poll(() => page.locator('.sidebar-content').textContent()).toContain('从这里开始');
			// The content is English, the components' words with it.
			await expect.poll(() => page.locator('.ops-owner__kind').textContent()).toMatch(/^Escalation flow · active/);
			await expect.poll(() => page.locator('.sl-markdown-content h2').allTextContents()).toEqual(expect.arrayContaining(['Diagram', 'Steps']));
			expect(problems).toEqual([]);
		});
	});

	test('an archived version under /zh-cn/ points to the version in force in Chinese; previous and next stay in Chinese', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/v/2.1.0/'));
			await expect.poll(() => page.locator('.sl-banner a').getAttribute('href')).toBe(href('/zh-cn/specs/live-gifting-fraud/'));
			// Its English content links within the reader's language.
			await expect.poll(() => page.locator('.ops-term__popover a').first().getAttribute('href')).toBe(href('/zh-cn/glossary/#term-gold-set'));
			await page.goto(url('/zh-cn/glossary/'));
			const pagination = page.locator('.pagination-links a');
			await expect.poll(() => pagination.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([href('/zh-cn/guides/adding-a-page/'), href('/zh-cn/teams/')]);
			await page.goto(url('/zh-cn/onboarding/vendor-labeler-week-one/'));
			await expect.poll(() => pagination.first().getAttribute('href')).toBe(href('/zh-cn/ownership/'));
			expect(problems).toEqual([]);
		});
	});

	test('a glossary term opens its Chinese definition from the keyboard, with a link to the Chinese glossary', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/'));
			await page.getByRole('button', { name: '金标集' }).focus();
			await page.keyboard.press('Enter');
			const popover = page.getByRole('note', { name: '金标集' });
			await expect.poll(() => popover.isVisible()).toBe(true);
			await expect.poll(() => popover.textContent()).toContain('预先确定了正确标签的内容');
			await expect.poll(() => popover.getByRole('link', { name: '在术语表中查看' }).getAttribute('href')).toBe(href('/zh-cn/glossary/#term-gold-set'));
			await page.keyboard.press('Escape');
			await expect.poll(() => popover.isVisible()).toBe(false);
			await page.goto(url('/zh-cn/glossary/'));
			await expect.poll(() => page.locator('#term-gold-set').textContent()).toContain('金标集');
			await expect.poll(() => page.locator('#term-gold-set').textContent()).toContain('Gold set');
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
			await expect.poll(() => order('/zh-cn/quiz/live-gifting-fraud/')).toEqual(english);
			await expect.poll(() => page.locator('h1').textContent()).toBe('校准测验：LIVE 礼物欺诈');
			await expect.poll(() => page.locator('legend').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
			await expect.poll(() => page.locator('main').textContent()).toContain('答对 9 题（共 9 题）即通过：这是本队列要求的 93% QA 一致率。');
			expect(problems).toEqual([]);
		});
	});

	test('the ownership view shows each translation and marks the outdated one', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/ownership/'));
			const row = page.locator('.ops-ownership tbody tr', { hasText: 'Appeals::Status of my appeal' });
			await expect.poll(() => row.locator('td').last().textContent()).toBe('zh-CN 1.0.1, outdated');
			await expect.poll(() => row.locator('.ops-ownership__outdated').getAttribute('href')).toBe(href('/zh-cn/replies/appeal-status/'));
			const spec = page.locator('.ops-ownership tbody tr', { hasText: 'LIVE gifting fraud' });
			await expect.poll(() => spec.locator('td').last().textContent()).toBe('zh-CN 2.2.0');
			await page.goto(url('/zh-cn/ownership/'));
			await expect.poll(() => page.locator('h1').textContent()).toBe('负责团队与复审日期');
			await expect.poll(() => page.locator('.ops-ownership tbody a', { hasText: 'LIVE 礼物欺诈' }).getAttribute('href')).toBe(href('/zh-cn/specs/live-gifting-fraud/'));
			expect(problems).toEqual([]);
		});
	});

	test('a Chinese procedure prints without the sidebar, with its steps and link addresses', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/sops/vendor-calibration/'));
			await page.emulateMedia({ media: 'print' });
			await expect.poll(() => page.locator('#starlight__sidebar').isVisible()).toBe(false);
			await expect.poll(() => page.locator('ol.ops-steps').isVisible()).toBe(true);
			const after = await page.locator(`.sl-markdown-content a[href="${href('/zh-cn/specs/live-gifting-fraud/')}"]`).first().evaluate((link) => getComputedStyle(link, '::after').content);
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
			await expect.poll(() => first.textContent()).toBe('LIVE 礼物欺诈');
			await expect.poll(() => first.getAttribute('href')).toBe(href('/zh-cn/specs/live-gifting-fraud/'));
			expect(problems).toEqual([]);
		});
	});
});
