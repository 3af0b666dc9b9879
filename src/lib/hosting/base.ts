/**
 * The sub-path the site is served under: `OPSBOOK_BASE=/handbook/` gives a site whose every link,
 * asset, snapshot, wasm file and worker lives under `/handbook/`. Astro's `base` option takes it.
 */
import { readFile } from 'node:fs/promises';

/** `/handbook/` from `/handbook`, `handbook/` or `/handbook/`; `/` when unset or empty. */
export function siteBase(value: string | undefined): string {
	const trimmed = (value ?? '').trim();
	if (trimmed === '' || trimmed === '/') return '/';
	const base = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
	if (!/^(\/[A-Za-z0-9._~-]+)+\/$/.test(base) || base.split('/').some((part) => part === '.' || part === '..')) {
		throw new Error(`OPSBOOK_BASE is "${value}": expected a URL path such as /handbook/ (letters, digits, - _ . ~ and slashes only)`);
	}
	return base;
}

/** A site path (`/specs/x/`) under the base: `/handbook/specs/x/`. */
export function withBase(base: string, pathname: string): string {
	return `${base}${pathname.replace(/^\/+/, '')}`;
}

/**
 * The base path a finished build was made for, read from its home page: Starlight links the
 * sitemap as `<base>sitemap-index.xml`, and every page loads its styles from `<base>_astro/`.
 * For tools that serve a build someone else made (the browser suite), so that the base can never
 * disagree with the build.
 */
export async function builtBase(dist: string): Promise<string> {
	const file = `${dist.replace(/\/+$/, '')}/index.html`;
	const html = await readFile(file, 'utf8');
	const found = /<link rel="sitemap" href="([^"]*\/)sitemap-index\.xml"/.exec(html) ?? /\s(?:href|src)="([^"]*\/)_astro\//.exec(html);
	if (!found) throw new Error(`${file} links neither its sitemap nor anything under _astro/, so the base path it was built for is unknown: is it an opsbook build?`);
	return siteBase(found[1]);
}
