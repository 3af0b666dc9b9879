/**
 * Two additions to Starlight's route data, page by page:
 * - "On this page" is built from a page's Markdown headings, and so misses the sections that the
 *   document components render (decision tree, labels, steps…); they are added, for the components
 *   the page's body uses, in the order the component renders them, in the page's language.
 * - Sidebar links to the site's own routes (glossary, teams…) are written as English paths in
 *   astro.config.mjs; in a translated locale they point to that locale's version of the route.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import type { PageData } from './schemas/page.ts';
import { localizedRoutes } from './lib/i18n/routes.ts';
import { localizePath, type Locale } from './lib/i18n/locales.ts';
import { tocSections } from './lib/toc.ts';
import { uiOf } from './lib/i18n/ui.ts';

function localizeLinks(entries: StarlightRouteData['sidebar'], locale: Locale, current: string): void {
	for (const entry of entries) {
		if (entry.type === 'group') localizeLinks(entry.entries, locale, current);
		else if (localizedRoutes.includes(entry.href)) {
			entry.href = localizePath(entry.href, locale);
			entry.isCurrent = entry.href === current;
		}
	}
}

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.locale) localizeLinks(route.sidebar, route.locale as Locale, context.url.pathname);
	if (!route.toc) return;
	const sections = tocSections(route.entry.body ?? '', route.entry.data as PageData, uiOf(context.locals));
	route.toc.items.push(...sections.map((section) => ({ depth: 2, slug: section.slug, text: section.text, children: [] })));
});
