/**
 * What every browser test shares: one Chromium per file, and a watch on each page that records
 * everything a reader must never meet (console errors, failed requests, other hosts, anything the
 * Content-Security-Policy blocked).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';

export const skipBrowser = inject('skipBrowser');
export const baseUrl = inject('baseUrl');
export const root = path.resolve(import.meta.dirname, '../..');

/** The full address of a site path on the server the suite started. */
export const url = (pathname: string) => new URL(pathname, baseUrl || 'http://localhost/').href;

/** A browser for the calling test file, closed after it. */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		if (!skipBrowser) browser = await launchChromium(inject('chromiumPath'));
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => browser!;
}

export interface WatchedPage {
	page: Page;
	/** Everything that went wrong so far, one line each. */
	problems: string[];
	/** Every URL the page requested, in order. */
	requests: string[];
	/** Every `securitypolicyviolation` event of the page's documents so far (also in `problems`). */
	cspViolations: string[];
	close(): Promise<void>;
}

/**
 * Listens for the CSP's `securitypolicyviolation` events in every document of the context before
 * any of the page's own scripts runs, so that what the policy blocks at load counts too. The
 * console message Chromium prints for a violation is not enough: it does not say which directive.
 */
async function watchCsp(context: BrowserContext, record: (line: string) => void): Promise<void> {
	await context.exposeBinding('__opsbookCspViolation', (_source, line: string) => record(line));
	await context.addInitScript(() => {
		const report = (window as unknown as { __opsbookCspViolation(line: string): void }).__opsbookCspViolation;
		addEventListener(
			'securitypolicyviolation',
			(event) => void report(`${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`),
			true,
		);
	});
}

/** Context options, and the origin of the site under test when it is not the suite's server. */
export type PageOptions = BrowserContextOptions & { siteOrigin?: string };

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<WatchedPage> {
	const { siteOrigin, ...contextOptions } = options;
	const context = await browser.newContext(contextOptions);
	const problems: string[] = [];
	const requests: string[] = [];
	const cspViolations: string[] = [];
	await watchCsp(context, (line) => {
		cspViolations.push(line);
		problems.push(`CSP violation: ${line}`);
	});
	const page = await context.newPage();
	const origin = siteOrigin ?? new URL(baseUrl).origin;
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('request', (request) => {
		const url = request.url();
		requests.push(url);
		if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) problems.push(`request to another host: ${url}`);
	});
	page.on('requestfailed', (request) => {
		// An aborted request was cancelled on purpose — by a navigation away, or by a reader that
		// no longer needs it — and is not a failure of the site.
		if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
		problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return { page, problems, requests, cspViolations, close: () => context.close() };
}

/** Runs `fn` with a fresh watched page, closing its browser context afterwards whatever happens. */
export async function withPage<T>(browser: Browser, options: PageOptions, fn: (watched: WatchedPage) => Promise<T>): Promise<T> {
	const watched = await openPage(browser, options);
	try {
		return await fn(watched);
	} finally {
		await watched.close();
	}
}

/** Every page of the production build, as site paths such as `/specs/live-gifting-fraud/`. */
export async function builtPages(): Promise<string[]> {
	const dist = path.join(root, 'dist');
	const files = await readdir(dist, { recursive: true });
	return files
		.filter((file) => file.endsWith('index.html') && !file.startsWith('_'))
		.map((file) => `/${path.dirname(file) === '.' ? '' : `${path.dirname(file).split(path.sep).join('/')}/`}`)
		.sort();
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeCode: string | undefined;

/**
 * Serious and critical axe-core violations on the page, one line each. One check is left out on
 * one element: Starlight's search button shows the hint "Ctrl K" that its accessible name
 * ("Search") leaves out (label-content-name-mismatch); it is Starlight's markup, not ours.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the
	// page's Content-Security-Policy.
	axeCode ??= await readFile(axeSource, 'utf8');
	await page.evaluate(axeCode);
	const violations = await page.evaluate(async () => {
		type Axe = { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[]; help: string }[] }> };
		const axe = (window as unknown as { axe: Axe }).axe;
		const result = await axe.run(document);
		const starlightSearch = (id: string, target: string) => id === 'label-content-name-mismatch' && target === 'button[data-open-modal=""]';
		result.violations = result.violations
			.map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !starlightSearch(violation.id, node.target.join(' '))) }))
			.filter((violation) => violation.nodes.length > 0);
		return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
	});
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
}

/** Resolves once every chart of the page has left `static` and `loading`. */
export async function chartsSettled(page: Page): Promise<void> {
	await page.waitForFunction(
		() => [...document.querySelectorAll('ops-chart')].every((chart) => ['ready', 'error'].includes((chart as HTMLElement).dataset.state!)),
		undefined,
		{ timeout: 60_000 },
	);
}
