/**
 * The reader's side of filters answered without the engine, for `npm run bench`: a declared filter
 * change on the bot review, timed to its new drawing with every `.wasm` request refused — cold (the
 * first interaction after load, a fresh browser context per sample, with the reader's pointer on the
 * filter first, and without) and warm (later changes on one page, markets and period ranges) — and the bytes a review page receives over load, idle and
 * declared filter changes when nothing is refused.
 */
import type { Browser } from 'playwright-core';
import { chartsReady, fresh, idle, timedChange, type FreshPage, type TimedChange } from './page.ts';

export const markets = ['SG', 'TH', 'US', 'BR', 'GB', 'ID', 'MX', 'PH', 'VN', 'MY'];

/** A change the build prepared: it must be drawn without the engine, or the figure means nothing. */
async function preparedChange(fresh: FreshPage, values: Record<string, string>): Promise<TimedChange> {
	const change = await timedChange(fresh.page, values);
	if (change.answeredBy !== 'prepared') throw new Error(`bench: the declared filter ${JSON.stringify(values)} was answered by the ${change.answeredBy}, not the prepared aggregates`);
	return change;
}

/**
 * Cold samples: each a fresh context, its first interaction after load (as soon as the charts are
 * drawn and interactive). `<ops-chart>` starts fetching the prepared file when the chart comes near
 * the viewport, or when a reader's pointer (or focus) reaches it; whatever of the fetch is left when
 * the filter changes is inside the clock, which starts at the change. `bare` samples change the
 * filter with no pointer first.
 */
export async function measurePrepared(browser: Browser, reviewUrl: string, coldSamples: number) {
	const cold: TimedChange[] = [];
	const bare: TimedChange[] = [];
	const refused: string[] = [];
	for (let i = 0; i < coldSamples * 1.5; i++) {
		const page = await fresh(browser, { blockEngine: true });
		await page.page.goto(reviewUrl, { waitUntil: 'load' });
		await chartsReady(page.page);
		const pointerFirst = i % 3 !== 2;
		if (pointerFirst) await page.page.locator('ops-chart').first().locator('select[name="market"]').hover();
		(pointerFirst ? cold : bare).push(await preparedChange(page, { market: markets[i % markets.length]! }));
		refused.push(...page.refused);
		await page.close();
	}

	const warmPage = await fresh(browser, { blockEngine: true });
	await warmPage.page.goto(reviewUrl, { waitUntil: 'load' });
	await chartsReady(warmPage.page);
	const periods = await warmPage.page.locator('ops-chart').first().locator('select[name="from"] option').allTextContents();
	await preparedChange(warmPage, { market: 'SG' });
	const warm: TimedChange[] = [];
	for (let i = 0; i < 20; i++) {
		// Markets, then period ranges of every length over every market: slices of prepared series.
		const view = i < markets.length ? { market: markets[i]!, from: periods[0]!, to: periods.at(-1)! } : { market: '', from: periods[i - markets.length]!, to: periods.at(-1 - (i % 3))! };
		warm.push(await preparedChange(warmPage, view));
	}
	refused.push(...warmPage.refused);
	await warmPage.close();

	// Nothing refused here: any wasm the page fetched on load, idle or a declared filter would count.
	const quiet = await fresh(browser);
	await quiet.page.goto(reviewUrl, { waitUntil: 'load' });
	await chartsReady(quiet.page);
	await idle(quiet.page);
	for (const market of markets) await preparedChange(quiet, { market });
	await preparedChange(quiet, { market: '', from: periods[3]!, to: periods.at(-2)! });
	await idle(quiet.page);
	const bytes = quiet.bytes();
	await quiet.close();
	if (refused.length > 0) throw new Error(`bench: a review page asked for the engine during declared filter changes: ${refused.join(', ')}`);
	return { cold, bare, warm, bytes };
}
