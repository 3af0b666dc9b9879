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
import { withBase } from '../../src/lib/hosting/base.ts';

export const skipBrowser = inject('skipBrowser');
/** The site's address on the suite's server, its base path included (`http://localhost:PORT/handbook/`). */
export const baseUrl = inject('baseUrl');
/** The base path the build under test was made for: `/`, or `/handbook/` in `npm test`'s second run. */
export const basePath = inject('basePath');
/** The folder of the build under test (`dist/`, or the sub-path build). */
export const dist = inject('dist');
export const root = path.resolve(import.meta.dirname, '../..');

// Tests name pages by their site path, as authors write them (`/specs/x/`); `url` and `href` put
// it under the base path of the build under test, so the whole suite runs at the root and under a
// sub-path alike.

/** The full address of a site path on the server the suite started: `http://localhost:PORT/handbook/specs/x/`. */
export const url = (pathname: string) => new URL(withBase(basePath, pathname), baseUrl || 'http://localhost/').href;
/** A site path as the built pages write it in their links: `/handbook/specs/x/#y`. */
export const href = (pathname: string) => withBase(basePath, pathname);
/** The full address of a link read from a page (already under the base): `/handbook/x/` → `http://localhost:PORT/handbook/x/`. */
export const urlOfLink = (link: string) => new URL(link, baseUrl || 'http://localhost/').href;

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

/**
 * Every page of the build under test, as site paths such as `/specs/live-gifting-fraud/`. The
 * pages at old addresses that send the reader on (`src/content/redirects.yaml`) are not pages a
 * reader stays on, and are left out; redirects.test.ts follows them.
 */
export async function builtPages(): Promise<string[]> {
	const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('index.html') && !file.startsWith('_'));
	const pages: string[] = [];
	for (const file of files) {
		if ((await readFile(path.join(dist, file), 'utf8')).includes('<meta http-equiv="refresh"')) continue;
		pages.push(`/${path.dirname(file) === '.' ? '' : `${path.dirname(file).split(path.sep).join('/')}/`}`);
	}
	return pages.sort();
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
