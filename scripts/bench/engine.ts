/**
 * The engine's side of `npm run bench`, for what only DuckDB-WASM answers: on the bot review, a
 * market and an intent at once (its second chart, in the bench's copy, declares both).
 * - The engine's cold start (`opsbook:engine`, from starting the worker to a connection ready),
 *   against a bare DuckDB-WASM page that starts the engine as its documentation does and runs
 *   `select 42` (`bare:engine`); each sample in a fresh browser context, ours and the bare page's
 *   taken turn about. Then the same on a second page of the same context, where the browser may
 *   reuse the compiled engine.
 * - The whole combination from cold: engine, fetch, decode, insert, query, draw.
 * - Changes with the engine warm, the query apart from the redraw.
 */
import type { Browser } from 'playwright-core';
import { chartsReady, fresh, measured, timedChange, type TimedChange } from './page.ts';
import { markets } from './prepared.ts';

/** The chart of the bench's bot review that declares market and intent. */
export const engineChart = 1;

/** The i-th market and intent together: never prepared, so the engine answers. */
export const combination = (i: number) => ({ market: markets[i % markets.length]!, intent: `intent_${i % 14}` });

async function engineChange(page: Parameters<typeof timedChange>[0], values: Record<string, string>): Promise<TimedChange> {
	const change = await timedChange(page, values, engineChart);
	if (change.answeredBy !== 'engine') throw new Error(`bench: ${JSON.stringify(values)} was answered by the ${change.answeredBy}; the bench needs a combination only the engine answers`);
	return change;
}

export async function measureEngine(browser: Browser, reviewUrl: string, bareUrl: string, runs: number) {
	const start: number[] = [];
	const nextPage: number[] = [];
	const bareStart: number[] = [];
	const bareNextPage: number[] = [];
	const cold: number[] = [];
	let wasmKiB = 0;
	for (let i = 0; i < runs; i++) {
		const ours = await fresh(browser);
		await ours.page.goto(reviewUrl, { waitUntil: 'load' });
		await chartsReady(ours.page);
		cold.push((await engineChange(ours.page, combination(i))).total);
		start.push(await measured(ours.page, 'opsbook:engine'));
		wasmKiB = ours.bytes().wasm;
		await ours.page.goto(reviewUrl, { waitUntil: 'load' });
		await chartsReady(ours.page);
		await engineChange(ours.page, combination(i + 1));
		nextPage.push(await measured(ours.page, 'opsbook:engine'));
		await ours.close();

		const bare = await fresh(browser);
		await bare.page.goto(bareUrl, { waitUntil: 'load' });
		bareStart.push(await measured(bare.page, 'bare:engine'));
		await bare.page.goto(bareUrl, { waitUntil: 'load' });
		bareNextPage.push(await measured(bare.page, 'bare:engine'));
		await bare.close();
	}

	const warmPage = await fresh(browser);
	await warmPage.page.goto(reviewUrl, { waitUntil: 'load' });
	await chartsReady(warmPage.page);
	await engineChange(warmPage.page, combination(0));
	const warm: TimedChange[] = [];
	for (let i = 1; i <= 20; i++) warm.push(await engineChange(warmPage.page, combination(i)));
	await warmPage.close();
	return { start, nextPage, bareStart, bareNextPage, cold, wasmKiB, warm };
}
