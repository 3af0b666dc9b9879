/**
 * Links from a page to pages this site's audience may not read — written in MDX prose, or by a
 * component — become their words as plain text, followed by "(internal)": the page they point at
 * is not in the site, and its address says nothing the reader needs.
 */

/** The site path of an address (`/specs/x/#labels` → `/specs/x/`), or nothing for another host. */
export function sitePathOf(href: string): string | undefined {
	if (!href.startsWith('/') || href.startsWith('//')) return undefined;
	const path = href.replace(/[?#].*$/, '');
	return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

/**
 * `html` with every `<a>` whose address is one of `hiddenPaths` (root-relative, before the base
 * is added) replaced by its content as plain text and the mark `label`, e.g. "(internal)".
 */
export function markInternalLinks(html: string, hiddenPaths: ReadonlySet<string>, label: string): string {
	if (hiddenPaths.size === 0) return html;
	return html.replace(/<a\b[^>]*?\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (link: string, href: string, words: string) => {
		const path = sitePathOf(href);
		if (!path || !hiddenPaths.has(path)) return link;
		return `<span class="ops-internal">${words} <span class="ops-internal__mark">${label}</span></span>`;
	});
}
