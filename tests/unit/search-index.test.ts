/**
 * The search index built while pages render (src/integrations/opsbook-search.ts): the file each
 * address is written at, and an index that holds exactly the output's pages however they came.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { PagefindConfigDefaults } from '../../node_modules/@astrojs/starlight/dist/schemas/pagefind.js';
import { newIndex, searchBoxConfig, writeIndex } from '../../src/integrations/opsbook-search.ts';
import { pageFile } from '../../src/lib/search/pages.ts';

afterAll(() => pagefind.close());

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>About ${title}.</p></main></body></html>`;

function site() {
	const dist = mkdtempSync(path.join(tmpdir(), 'opsbook-search-'));
	for (const [file, title] of [['index.html', 'Home'], ['specs/a/index.html', 'Spec alpha'], ['404.html', 'Lost']] as const) {
		mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
		writeFileSync(path.join(dist, file), page(title));
	}
	return dist;
}

const logger = () => {
	const warnings: string[] = [];
	return { warnings, logger: { warn: (line: string) => warnings.push(line), info: () => {} } as never };
};
const pageCount = (dist: string) => Object.values((JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce((sum, language) => sum + language.page_count, 0);

describe('pageFile', () => {
	test.each([
		['/', 'index.html'],
		['/specs/a/', 'specs/a/index.html'],
		['/specs/a', 'specs/a/index.html'],
		['/zh-cn/specs/a/', 'zh-cn/specs/a/index.html'],
		['/404', '404.html'],
		['/500', '500.html'],
		['/glossary/%E7%A4%BC%E7%89%A9/', 'glossary/礼物/index.html'],
	])('%s is written at %s', (pathname, file) => expect(pageFile(pathname)).toBe(file));
});

test('the search box ranks as Starlight ranks it when it runs Pagefind itself', () => {
	expect(searchBoxConfig).toEqual(PagefindConfigDefaults());
});

describe('writeIndex', () => {
	test('pages offered while rendering and pages only on disk end up in one index', async () => {
		const dist = site();
		const index = await newIndex();
		const offered = new Map([['specs/a/index.html', index.addHTMLFile({ sourcePath: 'specs/a/index.html', content: page('Spec alpha') })]]);
		const { warnings, logger: log } = logger();
		expect(await writeIndex(dist, index, offered, log)).toEqual({ total: 3, whileRendering: 1 });
		expect(warnings).toEqual([]);
		// The 404 page has a body to index too here; Starlight's own leaves it out with pagefind: false.
		expect(pageCount(dist)).toBe(3);
	});

	test('a folder named like a page is not read as one', async () => {
		const dist = site();
		mkdirSync(path.join(dist, 'feed.html'));
		writeFileSync(path.join(dist, 'feed.html/index.html'), page('Feed'));
		const { warnings, logger: log } = logger();
		expect(await writeIndex(dist, await newIndex(), new Map(), log)).toEqual({ total: 4, whileRendering: 0 });
		expect(warnings).toEqual([]);
	});

	test('a page offered at an address with no file makes it index the output folder instead, with a warning', async () => {
		const dist = site();
		const index = await newIndex();
		const offered = new Map([['specs/gone/index.html', index.addHTMLFile({ sourcePath: 'specs/gone/index.html', content: page('Gone') })]]);
		const { warnings, logger: log } = logger();
		expect(await writeIndex(dist, index, offered, log)).toEqual({ total: 3, whileRendering: 0 });
		expect(warnings).toEqual(['1 page was offered for search where the build wrote no file (specs/gone/index.html): indexing the output folder instead']);
		expect(pageCount(dist)).toBe(3);
	});
});
