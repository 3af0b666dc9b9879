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

/** Each `expect(<a read of the page>).resolves`, however it is spread over lines, as `file:line`. */
export function oneShotReads(file: string, text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/\bexpect\(/g)) {
		const open = match.index + 'expect'.length;
		const end = closing(text, open);
		if (text.startsWith('.resolves.', end) && pageRead.test(text.slice(open, end))) {
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
	].join('\n');
	expect(oneShotReads('x.ts', text)).toEqual([
		"x.ts:1  expect(page.locator('h1').textContent())",
		"x.ts:4  expect( page.locator('td', { hasText: ')' }).count(), )",
	]);
});
