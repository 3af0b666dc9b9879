/**
 * Puts a built page's root-relative addresses under the site's base path. Starlight and Astro add
 * the base to what they generate, but the handbook's own addresses — links in MDX prose, archive
 * banners, component links, and the addresses components hand to their scripts as data — are
 * written from the site's root (`/specs/x/`), as authors think of them. Rewriting the finished
 * HTML once keeps every one of them right under `OPSBOOK_BASE` without each knowing of it.
 */

/** Attributes whose value is an address. `data-spec` is the quiz's link back to its spec. */
const addressAttributes = ['href', 'src', 'action', 'data-spec'];

/**
 * `html` with every root-relative address (`/x`, not `//host/x`) in an address attribute, or as
 * an `href` inside JSON in a data attribute, moved under `base`. Addresses already under the base
 * are left alone; so is everything when the base is `/`.
 */
export function rebaseHtml(html: string, base: string): string {
	if (base === '/') return html;
	const rebase = (address: string) => (address.startsWith(base) || address === base.slice(0, -1) ? address : `${base}${address.slice(1)}`);
	const attributes = new RegExp(`(\\s(?:${addressAttributes.join('|')})=")(/(?!/)[^"]*)"`, 'g');
	return html
		.replace(attributes, (_, start: string, address: string) => `${start}${rebase(address)}"`)
		.replace(/(&quot;href&quot;:&quot;)(\/(?!\/)[^&]*)/g, (_, start: string, address: string) => `${start}${rebase(address)}`);
}
