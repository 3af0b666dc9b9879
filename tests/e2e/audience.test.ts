/**
 * A vendor's site, read in Chromium: the pages meant for vendors work under the policy (the
 * labeling-quality review redrawn by DuckDB-WASM from the vendor's own rows, a spec, its quiz, the
 * onboarding path, the data explorer over its own rows), links to internal pages read "(internal)",
 * and nothing of another vendor shows.
 */
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import { basePath, chartsSettled, skipBrowser, useBrowser, withPage } from './harness.ts';
import { buildSite } from './hosting.ts';

const browser = useBrowser();
let dist = '';
let server: Server | undefined;
let site = '';
const at = (pathname: string) => new URL(pathname.replace(/^\//, ''), site).href;

beforeAll(async () => {
	if (skipBrowser) return;
	// Under the base of the suite's own build: at the root, and under a sub-path in npm test's second run.
	dist = await buildSite({ OPSBOOK_AUDIENCE: 'atlas-bpo', OPSBOOK_BASE: basePath });
	({ server, url: site } = await serve(dist, { base: basePath }));
}, 300_000);
afterAll(async () => {
	await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
	if (dist) await rm(dist, { recursive: true, force: true });
});

describe.skipIf(skipBrowser)('the site of the vendor Atlas BPO', () => {
	test('its labeling-quality review draws Atlas’s rows only, before and after a filter, under the policy', async () => {
		await withPage(browser(), { siteOrigin: new URL(site).origin }, async ({ page, problems, cspViolations }) => {
			await page.goto(at('/reviews/labeling-quality/2026-11-15/'));
			const chart = page.locator('ops-chart').first();
			const series = () => chart.locator('.ops-chart__table tbody tr td:nth-child(2)').allTextContents();
			expect(new Set(await series())).toEqual(new Set(['atlas-bpo']));
			// The aggregates prepared for its filters hold Atlas's rows and no other vendor's.
			const prepared = JSON.parse((await chart.getAttribute('data-config'))!).prepared.url as string;
			const file = await (await fetch(new URL(prepared, site))).text();
			expect(JSON.parse(file).series).toEqual(['atlas-bpo']);
			expect(file).not.toMatch(/keystone|meridian/i);
			await chart.locator('select[name="queue"]').selectOption({ index: 1 });
			await chartsSettled(page);
			await expect.poll(() => chart.getAttribute('data-state')).toBe('ready');
			expect(new Set(await series())).toEqual(new Set(['atlas-bpo']));
			await expect.poll(() => page.locator('main').textContent()).not.toMatch(/Meridian|Keystone|keystone-labeling|meridian-data/);
			expect(cspViolations).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('its data explorer offers only the dataset whose rows it was given, and only those rows', async () => {
		await withPage(browser(), { siteOrigin: new URL(site).origin }, async ({ page, problems, cspViolations }) => {
			await page.goto(at('/data/'));
			await expect.poll(() => page.locator('section.ops-data h2').allTextContents()).toEqual(['labeling_qa_weekly']);
			await page.goto(at(`/data/labeling_qa_weekly/?sql=${encodeURIComponent('select distinct vendor from labeling_qa_weekly')}`));
			await page.waitForFunction(() => (document.querySelector('ops-explorer') as HTMLElement).dataset.resultRows !== undefined, undefined, { timeout: 60_000 });
			await expect.poll(() => page.locator('.ops-explorer__table tbody td').allTextContents()).toEqual(['atlas-bpo']);
			// Another dataset has no workbench on this site.
			const response = await page.goto(at('/data/bot_service_daily/'));
			expect(response?.status()).toBe(404);
			expect(cspViolations).toEqual([]);
			expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
		});
	});

	test('its home page marks links to internal pages, and its spec, quiz and path work', async () => {
		await withPage(browser(), { siteOrigin: new URL(site).origin }, async ({ page, problems, cspViolations }) => {
			await page.goto(at('/'));
			await expect.poll(() => page.locator('.ops-internal').first().textContent()).toMatch(/\(internal\)$/);
			await page.goto(at('/specs/live-gifting-fraud/'));
			await expect.poll(() => page.locator('.ops-edge-cases dt').allTextContents()).not.toContain('A newly created account sends large gifts within its first hour.');
			await page.goto(at('/quiz/live-gifting-fraud/'));
			const question = page.locator('li[data-answer]').first();
			await question.locator(`input[value="${await question.getAttribute('data-answer')}"]`).check();
			await question.locator('.ops-quiz__check').click();
			await page.goto(at('/onboarding/vendor-labeler-week-one/'));
			await page.locator('li[data-page] input[type="checkbox"]').first().check();
			expect(cspViolations).toEqual([]);
			expect(problems).toEqual([]);
		});
	});
});
