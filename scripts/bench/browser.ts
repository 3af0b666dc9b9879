/**
 * The reader's side of `npm run bench`: a copy of the site whose bot review reads a snapshot of
 * `rows` rows is built and served, and Chromium measures what a stakeholder waits for — first
 * paint, the chart redrawn by DuckDB-WASM, a filter change once the engine is warm — and what a
 * page downloads, with and without charts.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium } from '../chromium.ts';
import { serve } from '../serve.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { query, registerSnapshot } from '../../src/lib/query/server.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { writeSyntheticBotRows } from './synthetic.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function run(command: string, args: string[], cwd: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
	});
}

/**
 * Counts the bytes of JavaScript and wasm a page receives, its worker's included (the engine's
 * wasm is fetched by DuckDB's worker, which the page's resource timings do not show).
 */
function countScripts(page: Page) {
	const bytes = { js: 0, wasm: 0 };
	page.on('response', (response) => {
		const length = Number(response.headers()['content-length'] ?? 0);
		const url = new URL(response.url()).pathname;
		if (/\.m?js$/.test(url)) bytes.js += length;
		else if (/\.wasm$/.test(url)) bytes.wasm += length;
	});
	return () => ({ ...bytes });
}

export async function benchBrowser(root: string, work: string, rows: number) {
	const found = findChromium();
	if ('missing' in found) throw new Error(`bench: ${found.missing}`);
	const site = path.join(work, 'site');
	await mkdir(site, { recursive: true });
	for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'data/snapshots']) {
		await cp(path.join(root, entry), path.join(site, entry), { recursive: true });
	}
	// Hard links, not a symbolic link: Vite resolves a linked node_modules to its real path and
	// then fails to find the copy's compiled components.
	await run('cp', ['-al', path.join(root, 'node_modules'), path.join(site, 'node_modules')], work);
	const raw = path.join(work, 'browser-raw.parquet');
	await writeSyntheticBotRows(raw, rows);
	const dataset = await loadDataset(root, 'bot_service_daily');
	const entry = await buildSnapshot({ dataset, input: raw, asOf: '2026-11-15', outDir: storeOf(site) });
	console.log(`bench: built a copy of the site whose bot review reads ${entry.rows.toLocaleString('en')} rows (${(entry.bytes / 2 ** 20).toFixed(1)} MiB)`);
	await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], site);

	// The same filtered query in DuckDB native, as the floor for the browser's redraw.
	await registerSnapshot('bot_service_daily@2026-11-15', path.join(storeOf(site), 'bot_service_daily/2026-11-15.parquet'));
	const markets = ['SG', 'TH', 'US', 'BR', 'GB', 'ID', 'MX', 'PH', 'VN', 'MY'];
	const nativeMs: number[] = [];
	for (const market of markets) {
		const built = buildMetricQuery({ relation: 'bot_service_daily@2026-11-15', numerator: 'escalated_to_agent', denominator: 'sessions', time: 'date', grain: 'week', by: 'market', filters: ['market'] }, { market });
		const start = performance.now();
		await query(built.sql, built.params);
		nativeMs.push(performance.now() - start);
	}

	const { server, url } = await serve(path.join(site, 'dist'));
	const browser = await launchChromium(found.path);
	try {
		const fresh = async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			// Records when each chart first reaches `ready`, from the page's own clock.
			await page.addInitScript(() => {
				const w = window as unknown as { readyAt?: number };
				new MutationObserver(() => {
					if (w.readyAt === undefined && document.querySelector('ops-chart[data-state="ready"]')) w.readyAt = performance.now();
				}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
			});
			return { page, close: () => context.close() };
		};
		const fcp = (page: Page) =>
			page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						new PerformanceObserver((list) => {
							const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
							if (entry) resolve(entry.startTime);
						}).observe({ type: 'paint', buffered: true });
					}),
			);

		// A first visit warms the server's and the browser's caches of the shared files alike.
		const warmup = await fresh();
		await warmup.page.goto(new URL('/', url).href, { waitUntil: 'networkidle' });
		await warmup.close();

		const plain = await fresh();
		const plainBytes = countScripts(plain.page);
		await plain.page.goto(new URL('/specs/live-gifting-fraud/', url).href, { waitUntil: 'load' });
		const plainLoaded = plainBytes();
		const plainFcp = await fcp(plain.page);
		await plain.close();

		const review = await fresh();
		const reviewBytes = countScripts(review.page);
		await review.page.goto(new URL('/reviews/bot-service-weekly/', url).href, { waitUntil: 'load' });
		const beforeIdle = reviewBytes();
		const chartFcp = await fcp(review.page);
		await review.page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, undefined, { timeout: 120_000 });
		const readyAt = await review.page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
		const afterReady = reviewBytes();

		const redraws: number[] = [];
		for (const market of markets) {
			redraws.push(
				await review.page.evaluate(async (value) => {
					const chart = document.querySelector('ops-chart') as HTMLElement;
					const select = chart.querySelector('select[name="market"]') as HTMLSelectElement;
					const start = performance.now();
					const done = new Promise<void>((resolve) => {
						const observer = new MutationObserver(() => {
							if (chart.dataset.state === 'ready' && chart.querySelector('tbody td:nth-child(2)')?.textContent === value) {
								observer.disconnect();
								resolve();
							}
						});
						observer.observe(chart, { subtree: true, attributes: true, childList: true });
					});
					select.value = value;
					select.dispatchEvent(new Event('change', { bubbles: true }));
					await done;
					return performance.now() - start;
				}, market),
			);
		}
		await review.close();
		return {
			rows: entry.rows,
			snapshotMiB: Number((entry.bytes / 2 ** 20).toFixed(1)),
			firstPaintMs: Math.round(chartFcp),
			plainFirstPaintMs: Math.round(plainFcp),
			readyMs: Math.round(readyAt),
			filterRedrawMs: Math.round(median(redraws)),
			nativeQueryMs: Number(median(nativeMs).toFixed(1)),
			plainPageKiB: { js: Math.round(plainLoaded.js / 1024), wasm: Math.round(plainLoaded.wasm / 1024) },
			chartPageBeforeIdleKiB: { js: Math.round(beforeIdle.js / 1024), wasm: Math.round(beforeIdle.wasm / 1024) },
			chartPageReadyKiB: { js: Math.round(afterReady.js / 1024), wasm: Math.round(afterReady.wasm / 1024) },
		};
	} finally {
		await browser.close();
		server.close();
	}
}
