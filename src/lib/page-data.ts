import { AstroError } from 'astro/errors';
import type { DataOf, DocumentKind, PageData } from '../schemas/page.ts';

/**
 * The current page's structured data, checked to be of `kind`, for components that render one
 * kind: a component placed on a page of another kind fails the build with a message saying so.
 */
export function pageData<K extends DocumentKind>(locals: App.Locals, kind: K, component: string): DataOf<K> {
	const data = locals.starlightRoute.entry.data as PageData;
	if (data.kind !== kind) {
		throw new AstroError(
			`<${component} /> renders a ${kind} page, but ${locals.starlightRoute.entry.filePath ?? 'this page'} is kind "${data.kind ?? 'page'}"`,
			`Place <${component} /> on a page of kind "${kind}" only, or give this page \`kind: ${kind}\` and the fields that kind needs.`,
		);
	}
	return data as DataOf<K>;
}
