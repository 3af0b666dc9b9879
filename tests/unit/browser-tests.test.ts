/**
 * The browser tests read the page with retrying assertions: `await expect.poll(() =>
 * locator.textContent()).toBe(…)` asks again until the page agrees (10 s at most), where
 * `await expect(locator.textContent()).resolves.toBe(…)` judges whatever the page held at the
 * instant of the one read — before a script filled it in, the test fails; after a script broke
 * it, a read made too early passes. See CONTRIBUTING.md, "The test loop".
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';

const e2e = path.resolve(import.meta.dirname, '../e2e');
const pageRead = /\.(?:textContent|innerText|innerHTML|getAttribute|isVisible|isHidden|isChecked|isEnabled|isDisabled|count|allTextContents|allInnerTexts|inputValue|title|evaluate|evaluateAll)\(/;

/** The index just past the parenthesis that closes the one at `open`, skipping strings. */
function closing(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const char = text[i]!;
		if (char === '(') depth++;
		else if (char === ')' && --depth === 0) return i + 1;
		else if (char === "'" || char === '"' || char === '`') {
			for (i++; i < text.length && text[i] !== char; i++) if (text[i] === '\\') i++;
		}
	}
	return text.length;
}

/**
 * Each `expect(<a read of the page>).resolves` and `expect(await <a read of the page>)`, however it
 * is spread over lines, as `file:line`.
 */
export function oneShotReads(file: string, text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/\bexpect\(/g)) {
		const open = match.index + 'expect'.length;
		const end = closing(text, open);
		const argument = text.slice(open + 1, end - 1).trim();
		const judged = text.startsWith('.resolves.', end) || argument.startsWith('await ');
		if (judged && pageRead.test(argument)) {
			const line = text.slice(0, match.index).split('\n').length;
			found.push(`${file}:${line}  ${text.slice(match.index, end).replaceAll(/\s+/g, ' ')}`);
		}
	}
	return found;
}

test('no browser test judges a single read of the page', async () => {
	const files = (await readdir(e2e)).filter((file) => file.endsWith('.ts'));
	const found = (await Promise.all(files.map(async (file) => oneShotReads(`tests/e2e/${file}`, await readFile(path.join(e2e, file), 'utf8'))))).flat();
	expect(found, 'read the page with await expect.poll(() => locator.textContent()).toBe(…)').toEqual([]);
});

test('the scan tells a read of the page from other promises', () => {
	const text = [
		"await expect(page.locator('h1').textContent()).resolves.toBe('x');",
		"await expect(response.text()).resolves.toContain('(x');",
		"await expect.poll(() => page.title()).toBe('x');",
		'await expect(',
		"\tpage.locator('td', { hasText: ')' }).count(),",
		').resolves.toBe(2);',
		'expect(await page.evaluate(() => document.title)).toBe(true);',
		'expect(await screenRows(page)).toEqual([]);',
	].join('\n');
	expect(oneShotReads('x.ts', text)).toEqual([
		"x.ts:1  expect(page.locator('h1').textContent())",
		"x.ts:4  expect( page.locator('td', { hasText: ')' }).count(), )",
		'x.ts:7  expect(await page.evaluate(() => document.title))',
	]);
});

/**
 * npm test runs the browser suite twice, the second time against a build under /handbook/: a test
 * that writes a site address by hand passes at the root and fails under the sub-path for no fault
 * of the site. Addresses go through harness.ts: `url('/x/')` to open a page, `href('/x/')` for a
 * link as a page writes it, `urlOfLink(link)` for a link read from a page.
 */
export function rootAddresses(file: string, text: string): string[] {
	const rules: [RegExp, string][] = [
		[/\bbaseUrl\b/, 'the server address (use url() or urlOfLink())'],
		[/\.goto\(\s*['"`]/, 'a page opened by a literal address (use url())'],
		[/getAttribute\('href'\)\)\.to(?:Be|Equal)\(\s*['"`]/, 'a link compared with a literal address (use href())'],
		[/\ba\[href="\//, 'a link selected by a literal address (use href())'],
		[/new URL\(\s*['"`]\//, 'an address built from the server root (use url())'],
	];
	return text.split('\n').flatMap((line, i) => rules.filter(([pattern]) => pattern.test(line)).map(([, what]) => `${file}:${i + 1}  ${what}`));
}

test('every browser test names the site’s addresses through the base-aware helpers', async () => {
	const shared = new Set(['harness.ts', 'global-setup.ts', 'hosting.ts']);
	const files = (await readdir(e2e)).filter((file) => file.endsWith('.ts') && !shared.has(file));
	const found = (await Promise.all(files.map(async (file) => rootAddresses(`tests/e2e/${file}`, await readFile(path.join(e2e, file), 'utf8'))))).flat();
	expect(found).toEqual([]);
});

test('the address scan finds each way of writing an address by hand', () => {
	const text = [
		"await page.goto('/specs/x/');",
		"await page.goto(url('/specs/x/'));",
		"await expect.poll(() => link.getAttribute('href')).toBe('/specs/x/');",
		"await expect.poll(() => link.getAttribute('href')).toBe(href('/specs/x/'));",
		'page.locator(\'a[href="/specs/x/"]\');',
		"fetch(new URL('/specs/x/', baseUrl));",
	].join('\n');
	expect(rootAddresses('x.ts', text)).toEqual([
		'x.ts:1  a page opened by a literal address (use url())',
		'x.ts:3  a link compared with a literal address (use href())',
		'x.ts:5  a link selected by a literal address (use href())',
		'x.ts:6  the server address (use url() or urlOfLink())',
		'x.ts:6  an address built from the server root (use url())',
	]);
});
