/**
 * The data explorer as an analyst uses it: the dataset list, then a SQL workbench over a published
 * snapshot in DuckDB-WASM whose answers are held against DuckDB native on the same file — counts,
 * aggregates, 100,000 rows paged, CSV and Parquet downloads read back, the query in the address,
 * DuckDB's error at its place, a quick chart — in both languages, at 390 px and accessible.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { execute, query, quoteIdentifier, quoteLiteral } from '../../src/lib/query/server.ts';
import type { Row } from '../../src/lib/query/rows.ts';
import { axeViolations, href, root, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();
const dataset = 'bot_service_daily';
const workbench = (search = '') => url(`/data/${dataset}/${search}`);
const store = path.join(root, 'data/snapshots', dataset);
let downloads: string;

beforeAll(async () => {
	downloads = await mkdtemp(path.join(tmpdir(), 'opsbook-explorer-'));
	const manifest = (await readManifest(store))!;
	// DuckDB native reads the same published file under the same name.
	await execute(`CREATE OR REPLACE VIEW ${quoteIdentifier(dataset)} AS SELECT * FROM read_parquet(${quoteLiteral(path.join(store, `${manifest.latest}.parquet`))})`);
});
afterAll(async () => {
	await rm(downloads, { recursive: true, force: true });
});

/** Types `sql` into the box, runs it with Ctrl+Enter, and resolves with the result's row count or DuckDB's error. */
async function run(page: Page, sql: string): Promise<{ rows?: number; error?: { message: string; line?: number; column?: number } }> {
	await page.waitForFunction(() => ['ready', 'error'].includes((document.querySelector('ops-explorer') as HTMLElement).dataset.state!), undefined, { timeout: 60_000 });
	await page.evaluate(() => {
		const element = document.querySelector('ops-explorer') as HTMLElement & { next?: Promise<unknown> };
		element.next = new Promise((resolve) => element.addEventListener('ops-explorer:result', (event) => resolve((event as CustomEvent).detail), { once: true }));
	});
	await page.locator('textarea[name="sql"]').fill(sql);
	await page.locator('textarea[name="sql"]').press('Control+Enter');
	return page.evaluate(() => (document.querySelector('ops-explorer') as HTMLElement & { next: Promise<never> }).next);
}

/** The first result of the page's own start (the query of the address, or the default one). */
async function opened(page: Page, address: string): Promise<number> {
	await page.goto(address);
	await page.waitForFunction(() => (document.querySelector('ops-explorer') as HTMLElement).dataset.resultRows !== undefined, undefined, { timeout: 60_000 });
	return Number(await page.locator('ops-explorer').getAttribute('data-result-rows'));
}

/** The cells on screen, as text, row by row. */
const screenRows = (page: Page) => page.locator('.ops-explorer__table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!)));

/** Native rows as the workbench shows them: NULL for null, numbers equal to 12 significant digits. */
function expectSameCells(screen: string[][], native: Row[]) {
	expect(screen).toHaveLength(native.length);
	native.forEach((row, i) => {
		Object.values(row).forEach((value, j) => {
			const cell = screen[i]![j]!;
			if (typeof value === 'number') expect(Number(cell), `row ${i} column ${j}`).toBeCloseTo(value, Math.max(0, 12 - Math.ceil(Math.log10(Math.abs(value) + 1))));
			else expect(cell, `row ${i} column ${j}`).toBe(value === null ? 'NULL' : String(value));
		});
	});
}

describe.skipIf(skipBrowser)('/data/: the datasets', () => {
	test('every dataset with its columns, time range, snapshots, rows, checksum and privacy policy; no engine', async () => {
		await withPage(browser(), {}, async ({ page, problems, requests }) => {
			await page.goto(url('/data/'));
			for (const id of ['bot_service_daily', 'issue_discovery_weekly', 'labeling_qa_weekly', 'monetization_actions_weekly', 'teen_safety_eval']) {
				const section = page.locator(`section[aria-labelledby="dataset-${id}"]`);
				const manifest = (await readManifest(path.join(root, 'data/snapshots', id)))!;
				const latest = manifest.snapshots.at(-1)!;
				await expect.poll(() => section.locator('table').first().textContent()).toMatch(/(time|dimension|measure)/);
				await expect.poll(() => section.locator('code.ops-data__sha').first().textContent()).toBe(latest.sha256);
				await expect.poll(() => section.textContent()).toContain(`${latest.rows.toLocaleString('en')} rows from ${latest.time_range.start} to ${latest.time_range.end}`);
				await expect.poll(() => section.locator('.ops-data__sha').count()).toBe(manifest.snapshots.length);
				await expect.poll(() => section.getByRole('link', { name: `Query ${id} with SQL` }).getAttribute('href')).toBe(href(`/data/${id}/`));
			}
			const bot = page.locator('section[aria-labelledby="dataset-bot_service_daily"]');
			await expect.poll(() => bot.textContent()).toContain('A row with fewer than 10 in sessions could point at a handful of people: its intent becomes “(other)”');
			await expect.poll(() => bot.locator('tr', { hasText: 'csat_positive' }).textContent()).toMatch(/BIGINT\s*measure, may be empty/);
			expect(requests.filter((request) => /\.wasm$|duckdb/.test(request))).toEqual([]);
			expect(await axeViolations(page)).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('in Chinese, from the sidebar', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/zh-cn/metrics/'));
			await page.locator('nav[aria-label="Main"], .sidebar-content').first().getByRole('link', { name: '数据浏览器' }).click();
			await expect.poll(() => page.locator('h1').textContent()).toBe('数据浏览器');
			await expect.poll(() => page.getByRole('link', { name: '用 SQL 查询 bot_service_daily' }).getAttribute('href')).toBe(href('/zh-cn/data/bot_service_daily/'));
			expect(problems).toEqual([]);
		});
	});
});

describe.skipIf(skipBrowser)('/data/<dataset>/: the SQL workbench', () => {
	test('the snapshot is a table named after its dataset, with DuckDB native\'s answer; the query goes into the address', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await opened(page, workbench());
			await expect(run(page, 'select count(*) as n from bot_service_daily')).resolves.toEqual({ rows: 1 });
			const [{ n }] = (await query('select count(*) as n from bot_service_daily')) as [{ n: number }];
			expect(await screenRows(page)).toEqual([[String(n)]]);
			const address = new URL(page.url());
			expect(address.searchParams.get('sql')).toBe('select count(*) as n from bot_service_daily');
			expect(address.searchParams.get('snapshot')).toBe((await readManifest(store))!.latest);
			// The address alone opens the same query, answered again.
			await withPage(browser(), {}, async (shared) => {
				await expect(opened(shared.page, address.href)).resolves.toBe(1);
				expect(await screenRows(shared.page)).toEqual([[String(n)]]);
				expect(shared.problems).toEqual([]);
			});
			expect(problems).toEqual([]);
		});
	});

	test('an example query of a metric gives DuckDB native\'s rows, and draws as a quick chart', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await opened(page, workbench());
			const link = page.getByRole('link', { name: 'Escalation-to-agent rate, by market' });
			const sql = (await link.getAttribute('data-example'))!;
			const done = page.evaluate(() => new Promise((resolve) => document.querySelector('ops-explorer')!.addEventListener('ops-explorer:result', resolve, { once: true })));
			await link.click();
			await done;
			expectSameCells(await screenRows(page), await query(sql));
			await expect.poll(() => page.locator('.ops-explorer__table th').allTextContents()).toEqual(['marketVARCHAR', 'escalation_to_agent_rateDOUBLE', 'escalation_to_agent_rate_denominatorDOUBLE']);
			await page.locator('.ops-explorer__chart summary').click();
			const chart = page.locator('.ops-explorer__plot svg[aria-label="escalation_to_agent_rate by market"]');
			await chart.waitFor();
			await expect.poll(() => chart.locator('rect').count()).toBeGreaterThanOrEqual(10);
			expect(await axeViolations(page)).toEqual([]);
			expect(problems).toEqual([]);
		});
	});

	test('100,000 rows are shown a page at a time, the last page as DuckDB native has it', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await opened(page, workbench());
			const sql = 'select date, market, intent, sessions, i from bot_service_daily, range(4) t(i) order by all limit 100000';
			await expect(run(page, sql)).resolves.toEqual({ rows: 100_000 });
			await expect.poll(() => page.locator('.ops-explorer__table tbody tr').count()).toBe(100);
			await expect.poll(() => page.locator('.ops-explorer__position').textContent()).toBe('Rows 1–100 of 100,000');
			await page.getByRole('button', { name: 'Last page' }).click();
			await expect.poll(() => page.locator('.ops-explorer__position').textContent()).toBe('Rows 99,901–100,000 of 100,000');
			expectSameCells(await screenRows(page), await query(`select * from (${sql}) offset 99900`));
			await expect.poll(() => page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
			await page.getByRole('button', { name: 'Previous page' }).click();
			await expect.poll(() => page.locator('.ops-explorer__position').textContent()).toBe('Rows 99,801–99,900 of 100,000');
			expect(problems).toEqual([]);
		});
	});

	test('DuckDB\'s error is shown at its line and column, and the cursor is put there', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await opened(page, workbench());
			const result = await run(page, 'select market,\n  nosuch\nfrom bot_service_daily');
			expect(result.error).toMatchObject({ line: 2, column: 3 });
			const box = page.getByRole('alert');
			await expect.poll(() => box.textContent()).toMatch(/DuckDB could not run the query at line 2, column 3\s*Binder Error: Referenced column "nosuch" not found/);
			await expect.poll(() => box.locator('pre').textContent()).toMatch(/^Binder Error[^]*LINE 2:   nosuch\n\s+\^$/);
			await expect.poll(() => page.locator('textarea[name="sql"]').evaluate((box) => [(box as HTMLTextAreaElement).selectionStart, document.activeElement === box])).toEqual([17, true]);
			// The workbench stays usable: the next query runs.
			await expect(run(page, 'select 42 as answer')).resolves.toEqual({ rows: 1 });
			await expect.poll(() => box.isHidden()).toBe(true);
			expect(problems).toEqual([]);
		});
	});

	test('CSV and Parquet downloads of the result read back as DuckDB native\'s rows, types kept', async () => {
		await withPage(browser(), { acceptDownloads: true }, async ({ page, problems }) => {
			await opened(page, workbench());
			const sql = "select date, market, sessions, csat_responses, escalated_to_agent / sessions as rate from bot_service_daily where intent = 'gift_refund' order by all";
			const expected = await query(sql);
			await run(page, sql);
			const save = async (name: string) => {
				const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
				const file = path.join(downloads, download.suggestedFilename());
				await download.saveAs(file);
				return file;
			};
			const csv = await save('Download CSV');
			expect(path.basename(csv)).toMatch(/^bot_service_daily_\d{4}-\d\d-\d\d_query\.csv$/);
			const lines = (await readFile(csv, 'utf8')).trim().split('\n');
			expect(lines[0]).toBe('date,market,sessions,csat_responses,rate');
			expect(lines).toHaveLength(expected.length + 1);
			expect(lines[1]!.split(',').slice(0, 3)).toEqual([String(expected[0]!.date), String(expected[0]!.market), String(expected[0]!.sessions)]);

			const parquet = await save('Download Parquet');
			const back = await query(`select * from read_parquet(${quoteLiteral(parquet)})`);
			expect(back.map((row) => ({ ...row, rate: Number((row.rate as number).toPrecision(12)) }))).toEqual(expected.map((row) => ({ ...row, rate: Number((row.rate as number).toPrecision(12)) })));
			const types = await query(`select column_name, column_type from (describe select * from read_parquet(${quoteLiteral(parquet)}))`);
			expect(types.map((row) => `${row.column_name} ${row.column_type}`)).toEqual(['date DATE', 'market VARCHAR', 'sessions BIGINT', 'csat_responses BIGINT', 'rate DOUBLE']);
			// Missing survey answers stay missing.
			expect(back.some((row) => row.csat_responses === null)).toBe(expected.some((row) => row.csat_responses === null));
			expect(problems).toEqual([]);
		});
	});

	test('every published snapshot, and nothing else, can be queried', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await opened(page, workbench());
			const manifest = (await readManifest(store))!;
			await expect.poll(() => page.locator('select[name="snapshot"] option').allTextContents()).toEqual(manifest.snapshots.map((snapshot) => snapshot.as_of).reverse());
			const oldest = manifest.snapshots[0]!;
			await run(page, 'select count(*) from bot_service_daily');
			const done = page.evaluate(() => new Promise((resolve) => document.querySelector('ops-explorer')!.addEventListener('ops-explorer:result', resolve, { once: true })));
			await page.locator('select[name="snapshot"]').selectOption(oldest.as_of);
			await done;
			expect(await screenRows(page)).toEqual([[String(oldest.rows)]]);
			expect(new URL(page.url()).searchParams.get('snapshot')).toBe(oldest.as_of);
			// SQL cannot read anything else, not even the site's own files.
			const other = await run(page, `select * from read_text('${url('/sitemap-index.xml')}')`);
			expect(other.error?.message).toMatch(/^Permission Error: Cannot access file .* file system operations are disabled by configuration/);
			expect(problems).toEqual([]);
		});
	});

	test.each([
		['en', 1280],
		['zh-cn', 390],
	])('in %s at %i px: the page fits, passes axe, and speaks the reader\'s language', async (lang, width) => {
		await withPage(browser(), { viewport: { width, height: 900 } }, async ({ page, problems }) => {
			const prefix = lang === 'en' ? '' : `/${lang}`;
			await opened(page, url(`${prefix}/data/${dataset}/`));
			await run(page, 'select * from bot_service_daily limit 300');
			await expect.poll(() => page.getByRole('button', { name: lang === 'en' ? 'Run' : '运行' }).isVisible()).toBe(true);
			await expect.poll(() => page.locator('.ops-explorer__position').textContent()).toBe(lang === 'en' ? 'Rows 1–100 of 300' : '第 1–100 行，共 300 行');
			await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
			expect(problems).toEqual([]);
		});
	});
});
