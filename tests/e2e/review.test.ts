/**
 * A metric review as stakeholders use it: headline tiles readable without JavaScript, spec changes
 * on the charts, a sortable breakdown, a CSV of the current view, and a clear error state when the
 * prepared data or the snapshot is missing or corrupt that leaves the rest of the page working.
 */
import { describe, expect, test } from 'vitest';
import { chartsSettled, href, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();
const review = url('/reviews/bot-service/2026-11-15/');
const prepared = /\/_charts\/bot_service_daily\.[0-9a-f]{16}\.json$/;

describe.skipIf(skipBrowser)('the bot service review', () => {
	test('without JavaScript: KPI tiles with value, status in words, and change; spec versions on the chart', async () => {
		await withPage(browser(), { javaScriptEnabled: false }, async ({ page, problems }) => {
			await page.goto(review);
			const tile = page.locator('.ops-kpi[data-metric="escalation_to_agent_rate"]');
			await expect.poll(() => tile.locator('.ops-kpi__value').textContent()).toBe('15.6%');
			await expect.poll(() => tile.locator('.ops-kpi__status').textContent()).toMatch(/Short of target · target 15\.0%/);
			await expect.poll(() => tile.locator('.ops-kpi__change').textContent()).toMatch(/^−0\.4 pt vs 2–8 Nov 2026/);
			await expect.poll(() => page.locator('ops-chart').first().locator('svg text', { hasText: '3.0.0' }).count()).toBeGreaterThan(0);
			await expect.poll(() => page.locator('.ops-chart__events').first().textContent()).toContain('LIVE service bot — intent taxonomy 3.0.0');
			expect(problems).toEqual([]);
		});
	});

	test('"About these numbers" keeps each label on the line of its value', async () => {
		await withPage(browser(), { viewport: { width: 1280, height: 900 } }, async ({ page, problems }) => {
			await page.goto(review);
			const rows = page.locator('.ops-metric-def dl > div');
			await expect.poll(() => rows.count()).toBeGreaterThan(5);
			const offsets = await rows.evaluateAll((pairs) => pairs.map((pair) => Math.abs(pair.querySelector('dt')!.getBoundingClientRect().top - pair.querySelector('dd')!.getBoundingClientRect().top)));
			expect(offsets.every((offset) => offset < 2)).toBe(true);
			await expect.poll(() => page.locator('.ops-metric-def').first().textContent()).toContain('Escalated sessions ÷ Sessions, each summed over the slice');
			expect(problems).toEqual([]);
		});
	});

	test('the breakdown sorts by a column when its header is pressed, each way, numbers as numbers', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(review);
			const table = page.locator('.ops-metric-table');
			const texts = (column: number) => table.locator(`tbody tr td:nth-child(${column})`).allTextContents();
			const numbers = async (column: number) =>
				(await table.locator(`tbody tr td:nth-child(${column})`).evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.value!))).map(Number);
			// The build writes the slices worst first, which is neither order a click asks for: a
			// click that changed nothing could not pass for a sort.
			const built = await texts(1);
			const ascending = [...built].sort((a, b) => a.localeCompare(b));
			expect(built).toHaveLength(8);
			expect(built).not.toEqual(ascending);
			expect(built).not.toEqual([...ascending].reverse());

			await table.getByRole('button', { name: 'Intent' }).click();
			await expect.poll(() => texts(1)).toEqual(ascending);
			await expect.poll(() => table.locator('th[aria-sort="ascending"]').textContent()).toBe('Intent');
			await table.getByRole('button', { name: 'Intent' }).click();
			await expect.poll(() => texts(1)).toEqual([...ascending].reverse());
			await expect.poll(() => table.locator('th[aria-sort="descending"]').textContent()).toBe('Intent');

			// Sessions sort by their value, not by their text (where "12,000" would come before "9,000").
			// Columns: intent, the rate, its status, escalated sessions, sessions.
			const sessions = await numbers(5);
			const byValue = [...sessions].sort((a, b) => a - b);
			const shown = await texts(5);
			const byText = sessions.map((value, i) => ({ value, text: shown[i]! })).sort((a, b) => a.text.localeCompare(b.text)).map(({ value }) => value);
			expect(sessions).not.toEqual(byValue);
			expect(byText).not.toEqual(byValue);
			await table.getByRole('button', { name: 'Sessions', exact: true }).click();
			await expect.poll(() => numbers(5)).toEqual(byValue);
			await expect.poll(() => table.locator('th[aria-sort]').count()).toBe(1);
			expect(problems).toEqual([]);
		});
	});

	test('Download CSV saves the rows of the current view, filter included', async () => {
		await withPage(browser(), { acceptDownloads: true }, async ({ page, problems }) => {
			await page.goto(review);
			await chartsSettled(page);
			const chart = page.locator('ops-chart').first();
			await chart.locator('select[name="market"]').selectOption('SG');
			await page.waitForFunction(() => document.querySelector('ops-chart')!.querySelectorAll('tbody tr').length === 26);
			const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
			expect(download.suggestedFilename()).toBe('bot_service_daily_2026-11-15_market-SG.csv');
			const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
			const lines = text.trim().split('\n');
			expect(lines[0]).toBe('period,series,numerator,denominator,value');
			expect(lines).toHaveLength(27);
			expect(lines.slice(1).every((line) => line.split(',')[1] === 'SG')).toBe(true);
			expect(problems).toEqual([]);
		});
	});

	test.each([
		['missing', { status: 404, body: 'not found' }, new RegExp(`prepared chart data ${href('/_charts/')}bot_service_daily\\.[0-9a-f]{16}\\.json: HTTP 404`)],
		['corrupt', { status: 200, body: '{"format":1}' }, new RegExp(`prepared chart data ${href('/_charts/')}\\S+ does not match its checksum`)],
	])('%s prepared data shows the error state on a filter change and leaves the page working', async (_, response, message) => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.route(prepared, (route) => route.fulfill(response));
			await page.goto(review);
			await chartsSettled(page);
			const chart = page.locator('ops-chart').first();
			await chart.locator('select[name="market"]').selectOption('SG');
			await page.waitForFunction(() => (document.querySelector('ops-chart') as HTMLElement).dataset.state === 'error');
			const status = chart.locator('.ops-chart__status');
			await expect.poll(() => status.isVisible()).toBe(true);
			await expect.poll(() => status.textContent()).toMatch(message);
			// The drawing on screen stays, and the rest of the page still works.
			await expect.poll(() => chart.locator('svg[aria-label]').first().isVisible()).toBe(true);
			await page.locator('.ops-metric-table').getByRole('button', { name: 'Intent' }).click();
			await expect.poll(() => page.locator('.ops-metric-table th[aria-sort="ascending"]').count()).toBe(1);
			expect(problems.filter((problem) => !prepared.test(problem) && !problem.includes('status of 404'))).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('a combination only the engine answers', () => {
	const labeling = url('/reviews/labeling-quality/2026-11-15/');
	const snapshot = /\/_snapshots\/labeling_qa_weekly\/[\d-]+\.[0-9a-f]{16}\.parquet$/;

	test.each([
		['missing', { status: 404, body: 'not found' }, /HTTP 404/],
		['corrupt', { status: 200, body: 'PAR1 this is not the snapshot PAR1' }, /does not match its manifest checksum/],
	])('with a %s snapshot shows the error state and leaves the page working', async (_, response, message) => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.route(snapshot, (route) => route.fulfill(response));
			await page.goto(labeling);
			await chartsSettled(page);
			const chart = page.locator('ops-chart').first();
			await chart.evaluate((element) => {
				for (const name of ['queue', 'market']) {
					const select = element.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
					select.selectedIndex = 1;
				}
				element.querySelector('form')!.dispatchEvent(new Event('change', { bubbles: true }));
			});
			await page.waitForFunction(() => (document.querySelector('ops-chart') as HTMLElement).dataset.state === 'error', undefined, { timeout: 60_000 });
			await expect.poll(() => chart.locator('.ops-chart__status').textContent()).toMatch(message);
			await expect.poll(() => chart.locator('svg[aria-label]').first().isVisible()).toBe(true);
			// The other chart still answers its filters from its prepared aggregates.
			const other = page.locator('ops-chart').nth(1);
			await other.locator('select[name="queue"]').selectOption({ index: 1 });
			await page.waitForFunction(() => (document.querySelectorAll('ops-chart')[1] as HTMLElement).dataset.answeredBy === 'prepared');
			expect(problems.filter((problem) => !snapshot.test(problem) && !problem.includes('status of 404'))).toEqual([]);
		});
	});
});
