/**
 * The English source of the page being rendered, for components on a translated page: the facts
 * in force (version, dates, status, changelog) and what is never translated (reply texts) come
 * from the source, so an outdated translation cannot present an old version as the current one.
 * Runs only inside Astro.
 */
import { splitLocale } from '../i18n/locales.ts';
import { docsCollection } from './docs.ts';
import { isDocument, type DataOf, type DocumentKind, type PageData } from '../../schemas/page.ts';

/** The route data this needs from Starlight. */
interface Route {
	entry: { id: string; data: unknown };
	isFallback?: boolean | undefined;
}

/** Whether the page is a translation (not an English page, nor one served in English under a locale). */
export function isTranslation(route: Route): boolean {
	return !route.isFallback && splitLocale(route.entry.id).locale !== undefined;
}

/** The English document a translated page translates, and its URL; `undefined` on any other page. */
export async function englishSource(route: Route): Promise<{ data: DataOf<DocumentKind>; href: string } | undefined> {
	if (!isTranslation(route)) return undefined;
	const { sourcePath } = splitLocale(route.entry.id);
	const source = (await docsCollection()).byId.get(sourcePath);
	const data = source?.data as PageData | undefined;
	return source && data && isDocument(data) ? { data, href: `/${source.id}/` } : undefined;
}
