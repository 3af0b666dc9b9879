/**
 * The document components as a reader meets them in the production build: each renders its
 * page's structured data, the flow diagram has its text alternative, reply tabs switch and the
 * copy button copies the shown locale.
 */
import { describe, expect, test } from 'vitest';
import { href, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

describe.skipIf(skipBrowser)('document components', () => {
	test('every document shows its owner card, with the team from the registry', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(url('/specs/live-gifting-fraud/'));
			const card = watched.page.getByRole('complementary', { name: 'Ownership and status' });
			await expect.poll(() => card.textContent()).toContain('AI data operations');
			await expect.poll(() => card.textContent()).toContain('@opsbook/ai-data-ops');
			await expect.poll(() => card.textContent()).toMatch(/Labeling spec · active · version 2\.2\.0/);
			await watched.page.goto(url('/guides/adding-a-page/'));
			await expect.poll(() => watched.page.getByRole('complementary', { name: 'Ownership and status' }).count()).toBe(0);
		});
	});

	test('a labeling spec shows its decision tree, labels with verdicts, and lists them on this page', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(url('/specs/bot-intent-taxonomy/'));
			const page = watched.page;
			// 14 intents, each a heading and a leaf of the tree.
			await expect.poll(() => page.locator('.ops-label h3').count()).toBe(14);
			await expect.poll(() => page.locator('.ops-tree__leaf a').count()).toBe(14);
			await expect.poll(() => page.locator('.ops-tree__question').first().textContent()).toContain('enforcement action');
			await expect.poll(() => page.locator('#label-payout_delay ~ .ops-examples .ops-example--positive').count()).toBe(1);
			await page.locator('.ops-tree__leaf a', { hasText: 'payout_delay' }).click();
			expect(new URL(page.url()).hash).toBe('#label-payout_delay');
			await expect.poll(async () => (await page.locator('starlight-toc a').allTextContents()).map((text) => text.trim())).toEqual(expect.arrayContaining(['Decision tree', 'Labels', 'Edge cases']));
			expect(watched.problems).toEqual([]);
		});
	});

	test('an escalation flow draws a diagram with every step, and lists the same steps as text', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(url('/flows/minor-safety-live/'));
			const diagram = watched.page.getByRole('img', { name: /Diagram of the escalation flow/ });
			await expect.poll(() => diagram.isVisible()).toBe(true);
			await expect.poll(() => diagram.locator('.ops-flow-svg__node').count()).toBe(12);
			await expect.poll(() => watched.page.locator('ol.ops-flow > li').count()).toBe(12);
			// Every box of the diagram sits inside the drawing and no two boxes overlap.
			const rects = await diagram.locator('.ops-flow-svg__node rect').evaluateAll((all) => all.map((r) => (r as SVGGraphicsElement).getBBox()).map(({ x, y, width, height }) => ({ x, y, width, height })));
			for (const [i, a] of rects.entries()) {
				for (const b of rects.slice(i + 1)) {
					const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
					expect(apart).toBe(true);
				}
			}
			await expect.poll(() => diagram.textContent()).toContain('SLA 15m');
			// Teams by name, linked to the teams page, never by id.
			await expect.poll(() => diagram.textContent()).toContain('AI data operations · SLA 15m');
			await expect.poll(() => diagram.textContent()).not.toContain('ai-data-ops');
			await expect.poll(() => watched.page.locator('#step-ncmec').getByRole('link', { name: 'Legal' }).getAttribute('href')).toBe(href('/teams/#team-legal'));
			expect(watched.problems).toEqual([]);
		});
	});

	test('reply tabs switch locale and the copy button copies the shown text', async () => {
		await withPage(browser(), { permissions: ['clipboard-read', 'clipboard-write'] }, async (watched) => {
			const page = watched.page;
			await page.goto(url('/replies/payout-delay/'));
			await page.getByRole('tab', { name: 'zh-CN' }).click();
			const panel = page.getByRole('tabpanel').filter({ has: page.locator('[lang="zh-CN"]') });
			await expect.poll(() => panel.isVisible()).toBe(true);
			await panel.getByRole('button', { name: 'Copy zh-CN text' }).click();
			// The status is written once the clipboard has taken the text: wait for it.
			await panel.getByRole('status').filter({ hasText: /^Copied\.$/ }).waitFor({ timeout: 5000 });
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			expect(copied).toBe('{{creator_name}}，抱歉让您久等了。提现通常在 5 个工作日内到账。您在 {{payout_date}} 提交的申请仍在处理中，可在此查看每一步进度：{{help_link}}');
			await expect.poll(() => panel.locator('code.ops-placeholder').count()).toBe(3);
			expect(watched.problems).toEqual([]);
		});
	});

	test('a reply script opens on the reader\'s language', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/replies/payout-delay/'));
			await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('zh-CN');
			await page.goto(url('/replies/payout-delay/'));
			await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('en');
			expect(problems).toEqual([]);
		});
	});

	test('a labeling spec states its queue, SLA and targets under its title', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/live-gifting-fraud/'));
			await expect.poll(() => page.locator('.ops-spec-facts').textContent()).toBe('Queuelive-giftingQueue SLAlabel within 2hQA agreementat least 93 %Cohen\'s kappaat least 0.80');
			await page.goto(url('/zh-cn/specs/live-gifting-fraud/'));
			await expect.poll(() => page.locator('.ops-spec-facts').textContent()).toContain('2h 内完成标注');
			expect(problems).toEqual([]);
		});
	});

	test('without JavaScript a reply script shows every locale, and no copy button', async () => {
		await withPage(browser(), { javaScriptEnabled: false }, async (watched) => {
			await watched.page.goto(url('/replies/payout-delay/'));
			for (const locale of ['en', 'zh-CN', 'pt-BR']) {
				await expect.poll(() => watched.page.locator(`.ops-variant[lang="${locale}"]`).isVisible()).toBe(true);
			}
			await expect.poll(() => watched.page.getByRole('button', { name: /^Copy/ }).count()).toBe(0);
		});
	});

	test('a question of a flow keeps its question mark, commas and all', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/flows/live-monetization-escalation/'));
			await expect.poll(() => page.locator('#step-safety-risk strong').textContent()).toBe('Is anyone at risk of harm, or is a minor involved?');
			expect(problems).toEqual([]);
		});
	});

	test('an SOP numbers its steps with owner and exit condition, and links related pages', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(url('/sops/vendor-calibration/'));
			const steps = watched.page.locator('ol.ops-steps > li');
			await expect.poll(() => steps.count()).toBe(5);
			await expect.poll(() => steps.first().textContent()).toMatch(/Owner AI data operations · Done when: The sample is shared/);
			// The RACI names teams, linked, not their ids.
			const raci = watched.page.locator('.ops-raci');
			await expect.poll(() => raci.textContent()).not.toContain('ai-data-ops');
			await expect.poll(() => raci.getByRole('link', { name: 'AI data operations' }).getAttribute('href')).toBe(href('/teams/#team-ai-data-ops'));
			await expect.poll(() => watched.page.getByRole('link', { name: 'LIVE gifting fraud' }).last().getAttribute('href')).toBe(href('/specs/live-gifting-fraud/'));
			expect(watched.problems).toEqual([]);
		});
	});

	test('an onboarding path lists its days with links to the pages to read', async () => {
		await withPage(browser(), {}, async (watched) => {
			await watched.page.goto(url('/onboarding/vendor-labeler-week-one/'));
			await expect.poll(() => watched.page.locator('.ops-path > li h2').allTextContents()).toEqual([
				'Day 1: How the work is judged',
				'Day 2: The LIVE gifting queue',
				'Day 3: The minor-safety queue',
			]);
			await expect.poll(() => watched.page.getByRole('link', { name: 'LIVE host age' }).first().getAttribute('href')).toBe(href('/specs/live-host-age/'));
			await expect.poll(() => watched.page.locator('.ops-path__progress').textContent()).toMatch(/0 of 7 done \(kept in this browser only\)$/);
			expect(watched.problems).toEqual([]);
		});
	});
});
