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
 * searchable. Starlight's own run is turned off in astro.config.mjs (`pagefind: false`) and its
 * search box kept (src/components/overrides/Search.astro).
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

export default function opsbookSearch(): AstroIntegration {
	let index: Promise<PagefindIndex> | undefined;
	const offered = new Map<string, Promise<unknown>>();
	return {
		name: 'opsbook-search',
		hooks: {
			'astro:build:start': () => {
				index = newIndex();
				// A failure to start shows at the end, where the index is needed; pages render meanwhile.
				index.catch(() => undefined);
				setSearchIndexer({
					add(pathname, html) {
						const file = pageFile(pathname);
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
	const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/'));
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
