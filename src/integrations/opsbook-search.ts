/**
 * The site's search index, built while the pages render. Starlight runs Pagefind over the finished
 * output at the end of the build (`addDirectory`): on the 1,000-page bench handbook, 3-4 s of a core
 * with the rest of the build waiting. Here each page goes to Pagefind's service (a process of its
 * own) as soon as `src/middleware.ts` has its finished HTML, so the indexing runs on the second
 * core beside the rendering, and only writing the index is left for the end.
 *
 * The index holds exactly the HTML files of the output, as Starlight's does: at the end a page the
 * renderer did not offer (a file from `public/`, say) is read from disk and added, and if a page
 * was offered at an address where no file was written, the index is thrown away and built from
 * the output folder as Starlight builds it, with a warning, so that no wrong address is ever
 * searchable. Starlight's own run is turned off in astro.config.mjs (`pagefind: false`); its search
 * box is kept (src/components/overrides/Search.astro), with the ranking Starlight gives it.
 *
 * The index's files are not the same bytes from build to build: Pagefind numbers pages in the order
 * they arrive, and four pages render at a time. What a search finds and how it scores each page
 * are the same; pages with equal scores may come back in another order.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { pageFile, setSearchIndexer } from '../lib/search/pages.ts';

/** A Pagefind response's errors, as one thrown error naming the step. */
function checked<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}`);
	return response;
}

export async function newIndex(): Promise<PagefindIndex> {
	const { index } = checked('start an index', await pagefind.createIndex());
	if (!index) throw new Error('Pagefind could not start an index');
	return index;
}

/**
 * What Starlight hands its search box when it runs Pagefind itself (`pagefind: true` becomes these
 * defaults of its schema, `@astrojs/starlight/dist/schemas/pagefind.js`): its ranking, which weighs
 * page length and term frequency far less than Pagefind's own defaults. With `pagefind: false`
 * Starlight would hand the box `{}`, and every search would rank differently; the virtual module is
 * served from here instead. tests/unit/search-index.test.ts holds it to Starlight's schema.
 */
export const searchBoxConfig = {
	ranking: { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 },
};

const configModule = 'virtual:starlight/pagefind-config';

export default function opsbookSearch(): AstroIntegration {
	let index: Promise<PagefindIndex> | undefined;
	const offered = new Map<string, Promise<unknown>>();
	return {
		name: 'opsbook-search',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'opsbook-search-box-config',
								// Before Starlight's plugin, which would answer `{}` for this module.
								enforce: 'pre',
								resolveId: (id: string) => (id === configModule ? `\0opsbook:${configModule}` : undefined),
								load: (id: string) => (id === `\0opsbook:${configModule}` ? `export const pagefindUserConfig = ${JSON.stringify(searchBoxConfig)};` : undefined),
							},
						],
					},
				});
			},
			'astro:build:start': () => {
				// Astro may run more than one build in a process (tests do): each starts its own index.
				offered.clear();
				index = newIndex();
				// A failure to start shows at the end, where the index is needed; pages render meanwhile.
				index.catch(() => undefined);
				setSearchIndexer({
					add(pathname, html) {
						let file: string;
						try {
							file = pageFile(pathname);
						} catch {
							// An address the browser left half-encoded (a lone `%`): its file is read from disk at the end.
							return;
						}
						if (offered.has(file)) return;
						const added = index!.then(async (open) => checked(`index ${file}`, await open.addHTMLFile({ sourcePath: file, content: html })));
						added.catch(() => undefined);
						offered.set(file, added);
					},
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				setSearchIndexer(undefined);
				if (!index) return;
				const started = performance.now();
				try {
					const dist = fileURLToPath(dir);
					const pages = await writeIndex(dist, await index, offered, logger);
					logger.info(`indexed ${pages.total} pages for search (${pages.whileRendering} as they rendered) and wrote the index in ${((performance.now() - started) / 1000).toFixed(1)} s`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}

/** Completes the index with the output's other pages and writes it into `dist/pagefind/` (exported for tests). */
export async function writeIndex(dist: string, index: PagefindIndex, offered: Map<string, Promise<unknown>>, logger: AstroIntegrationLogger) {
	await Promise.all(offered.values());
	// Files only: a route such as `/feed.html/` writes a folder of that name.
	const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
	const onDisk = new Set(files);
	const stray = [...offered.keys()].filter((file) => !onDisk.has(file));
	if (stray.length > 0) {
		const named = `${stray.slice(0, 3).join(', ')}${stray.length > 3 ? ', …' : ''}`;
		logger.warn(`${stray.length} page${stray.length === 1 ? ' was' : 's were'} offered for search where the build wrote no file (${named}): indexing the output folder instead`);
		const fresh = await newIndex();
		const { page_count } = checked('index the output folder', await fresh.addDirectory({ path: dist }));
		checked('write the index', await fresh.writeFiles({ outputPath: path.join(dist, 'pagefind') }));
		return { total: page_count, whileRendering: 0 };
	}
	const rest = files.filter((file) => !offered.has(file));
	for (const file of rest) {
		checked(`index ${file}`, await index.addHTMLFile({ sourcePath: file, content: await readFile(path.join(dist, file), 'utf8') }));
	}
	checked('write the index', await index.writeFiles({ outputPath: path.join(dist, 'pagefind') }));
	return { total: files.length, whileRendering: offered.size };
}
