/**
 * The sub-path the site is served under: `OPSBOOK_BASE=/handbook/` gives a site whose every link,
 * asset, snapshot, wasm file and worker lives under `/handbook/`. Astro's `base` option takes it.
 */

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
