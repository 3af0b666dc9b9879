/**
 * Additions to Starlight's route data, page by page:
 * - "On this page" is built from a page's Markdown headings, and so misses the sections that the
 *   document components render (decision tree, labels, steps…); they are added, for the components
 *   the page's body uses, in the order the component renders them, in the page's language.
 * - Sidebar links to the site's own routes (glossary, teams…) are written as English paths in
 *   astro.config.mjs; in a translated locale they point to that locale's version of the route,
 *   and the previous/next links under the page follow.
 * - The banner of an archived version links to the version in force: under a locale, in it.
 * - A review series is one sidebar link, to its index (see lib/reviews/sidebar.ts).
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import type { PageData } from './schemas/page.ts';
import { localizedRoutes } from './lib/i18n/routes.ts';
import { localizePath, type Locale } from './lib/i18n/locales.ts';
import { tocSections } from './lib/toc.ts';
import { uiOf } from './lib/i18n/ui.ts';
import { collapseSeries } from './lib/reviews/sidebar.ts';

type Sidebar = StarlightRouteData['sidebar'];
type Link = Extract<Sidebar[number], { type: 'link' }>;

const links = (sidebar: Sidebar): Link[] => sidebar.flatMap((entry) => (entry.type === 'group' ? links(entry.entries) : [entry]));

/**
 * Points the site's own routes at the locale. Starlight keeps one sidebar per locale and marks the
 * current page in it before this runs, so the links are rewritten in place (once) and the current
 * one marked again here.
 */
function localizeSidebar(route: StarlightRouteData, locale: Locale, pathname: string): void {
	const ours = new Set(localizedRoutes.map((path) => localizePath(path, locale)));
	for (const link of links(route.sidebar)) {
		if (localizedRoutes.includes(link.href)) link.href = localizePath(link.href, locale);
		if (ours.has(link.href)) link.isCurrent = link.href === pathname;
	}
	const data = route.entry.data as { prev?: unknown; next?: unknown };
	if (data.prev !== undefined || data.next !== undefined) return;
	const all = links(route.sidebar);
	const here = all.findIndex((link) => link.isCurrent);
	route.pagination = here === -1 ? { prev: undefined, next: undefined } : { prev: all[here - 1], next: all[here + 1] };
}

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	route.sidebar = collapseSeries(route.sidebar);
	const locale = route.locale as Locale;
	if (locale) {
		localizeSidebar(route, locale, context.url.pathname);
		const banner = (route.entry.data as { banner?: { content: string } }).banner;
		// The entry is shared with the English page: replace it, never change it.
		if (banner && route.isFallback) {
			const content = banner.content.replace(/href="\/(?!\/)/g, `href="/${locale}/`);
			route.entry = { ...route.entry, data: { ...route.entry.data, banner: { ...banner, content } } };
		}
	}
	if (!route.toc) return;
	const sections = tocSections(route.entry.body ?? '', route.entry.data as PageData, uiOf(context.locals));
	route.toc.items.push(...sections.map((section) => ({ depth: 2, slug: section.slug, text: section.text, children: [] })));
});
