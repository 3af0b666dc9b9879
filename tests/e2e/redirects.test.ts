/**
 * Old addresses of pages that moved (src/content/redirects.yaml), as a reader with a bookmark meets
 * them: in every language, a page under the site's Content-Security-Policy that sends the reader
 * on to the page's new address — with scripts and without — and that search engines skip.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { href, root, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const redirects = Object.entries(parse(await readFile(path.join(root, 'src/content/redirects.yaml'), 'utf8')) as Record<string, { to: string }>);
const moves = redirects.flatMap(([from, { to }]) => ['', '/zh-cn'].map((prefix) => ({ from: `${prefix}${from}`, to: `${prefix}${to}` })));
const browser = useBrowser();
const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];

describe.skipIf(skipBrowser)('old addresses of pages that moved', () => {
	test('the reviews’ addresses from before they became series are kept', () => {
		expect(moves.map(({ from, to }) => `${from} → ${to}`)).toEqual(
			expect.arrayContaining(['/reviews/bot-service-weekly/ → /reviews/bot-service/', '/zh-cn/reviews/labeling-quality-weekly/ → /zh-cn/reviews/labeling-quality/']),
		);
	});

	test.each(moves)('$from is a page with the site’s policy that points to $to, kept out of search and the sitemap', async ({ from, to }) => {
		const response = await fetch(url(from));
		expect(response.status).toBe(200);
		const html = await response.text();
		const home = await (await fetch(url('/'))).text();
		expect(policyOf(html)).toBeDefined();
		expect(policyOf(html)).toBe(policyOf(home));
		expect(response.headers.get('content-security-policy')).toBeTruthy();
		expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${href(to)}"/>`);
		expect(html).toContain('<meta name="robots" content="noindex"/>');
		expect(html).toMatch(new RegExp(`<link rel="canonical" href="https://[^"/]+${href(to)}"/>`));
		expect(html).toMatch(new RegExp(`<a [^>]*href="${href(to)}"`));
		// Not a page of its own: the site's search and its sitemap know only the new address.
		expect(html).not.toContain('data-pagefind-body');
		const sitemap = await (await fetch(url('/sitemap-0.xml'))).text();
		expect(sitemap).toContain(`${href(to)}</loc>`);
		expect(sitemap).not.toContain(`${href(from)}</loc>`);
	});

	test.each(moves)('a reader opening $from lands on $to, with no CSP violation, and with JavaScript off too', async ({ from, to }) => {
		for (const javaScriptEnabled of [true, false]) {
			await withPage(browser(), { javaScriptEnabled }, async ({ page, problems, cspViolations }) => {
				await page.goto(url(from));
				await page.waitForURL(url(to));
				await expect.poll(() => page.locator('h1').textContent()).toMatch(/ — weekly reviews$/);
				await expect.poll(() => page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
				expect(cspViolations).toEqual([]);
				expect(problems).toEqual([]);
			});
		}
	});
});
