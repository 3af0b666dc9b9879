/**
 * Starlight builds "On this page" from the Markdown headings of a page, and so misses the sections
 * that the document components render (decision tree, labels, steps…). This adds them, for the
 * components the page's body actually uses, in the order the component renders them.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import type { PageData } from './schemas/page.ts';
import { tocSections } from './lib/toc.ts';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (!route.toc) return;
	const sections = tocSections(route.entry.body ?? '', route.entry.data as PageData);
	route.toc.items.push(...sections.map((section) => ({ depth: 2, slug: section.slug, text: section.text, children: [] })));
});
