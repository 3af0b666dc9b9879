/**
 * The hand-off between the build's renderer and its search index: `src/middleware.ts` offers each
 * page's finished HTML here as it renders, and the `opsbook-search` integration, when a build is
 * under way, has registered where it goes (Pagefind, src/integrations/opsbook-search.ts). The two
 * sides are bundled apart (the middleware into the server build, the integration into the config),
 * so they meet on a global; this module imports nothing, and no Pagefind reaches the pages' bundle.
 */

export interface SearchIndexer {
	/** Indexes a page of the site at `pathname` (the address under the site's base, e.g. `/specs/a/`). */
	add(pathname: string, html: string): void;
}

const stateKey = Symbol.for('opsbook.search-indexer');
const slot = globalThis as Record<symbol, SearchIndexer | undefined>;

/** Where pages go while a build renders them: undefined in `astro dev` and outside a build. */
export const searchIndexer = (): SearchIndexer | undefined => slot[stateKey];

export function setSearchIndexer(indexer: SearchIndexer | undefined): void {
	slot[stateKey] = indexer;
}

/**
 * The file `astro build` writes a page at (`build.format: 'directory'`, Astro's `getOutFile`),
 * relative to the output folder, from its address under the base: `/` → `index.html`, `/specs/a/`
 * and `/specs/a` → `specs/a/index.html`, and the status pages `/404` and `/500` → `404.html`.
 */
export function pageFile(pathname: string): string {
	const relative = decodeURI(pathname).replace(/^\/+|\/+$/g, '');
	if (relative === '404' || relative === '500') return `${relative}.html`;
	return relative === '' ? 'index.html' : `${relative}/index.html`;
}
