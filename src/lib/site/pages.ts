/**
 * Page ids → URLs, for components. Pages are referenced by their stable `id`, which need not match
 * their file name; a translated page shares its source's id. This reads the docs collection, so it
 * runs only inside Astro.
 */
import { AstroError } from 'astro/errors';
import { docsCollection } from './docs.ts';
import { buildPlan } from '../audience/plan.ts';
import { localizePath, servedAddresses, splitLocale, type Locale } from '../i18n/locales.ts';

interface Indexed {
	href: string;
	title: string;
	version: string;
}

export interface PageLink {
	href: string;
	title: string;
	version: string;
	/** The locale asked for has no translation of the page: the link shows it in English. */
	fallback: boolean;
	/**
	 * The page exists, but not for the audience this site is built for: there is nothing to link
	 * to, and `title` is empty so that no word of the page reaches the site. Components show it as
	 * an internal page; a link to its `href` anyway becomes plain text marked "(internal)".
	 */
	internal?: boolean;
}

let index: Promise<Map<string, Map<Locale, Indexed>>> | undefined;

/** Every live page by id, then by locale (`undefined` for the English source). */
export function pageIndex() {
	index ??= docsCollection().then(({ entries }) => {
		const byId = new Map<string, Map<Locale, Indexed>>();
		for (const entry of entries) {
			const data = entry.data as { id?: unknown; title: string; version?: unknown; archived_of?: string };
			// Archived copies share their page's id; links go to the live page.
			if (typeof data.id !== 'string' || data.archived_of) continue;
			const { locale } = splitLocale(entry.id);
			if (!byId.has(data.id)) byId.set(data.id, new Map());
			byId.get(data.id)!.set(locale, { href: `/${entry.id}/`, title: data.title, version: data.version === undefined ? '' : String(data.version) });
		}
		return byId;
	});
	return index;
}

/**
 * The URL and title of the page with `id` for a reader of `locale`: its translation where there is
 * one, else the English page as that locale serves it. The validator guarantees the page exists.
 */
export async function pageLink(id: string, locale?: Locale): Promise<PageLink> {
	if ((await buildPlan()).hiddenIds.has(id)) return { href: '', title: '', version: '', fallback: false, internal: true };
	const versions = (await pageIndex()).get(id);
	const source = versions?.get(undefined);
	if (!versions || !source) throw new AstroError(`no page with id "${id}"`, 'Link to the id of an existing page; `npm run check` lists every reference that names no page, at its line.');
	const translation = locale ? versions.get(locale) : undefined;
	if (translation) return { href: translation.href, title: translation.title, version: translation.version, fallback: false };
	return { href: localizePath(source.href, locale), title: source.title, version: source.version, fallback: locale !== undefined };
}

/**
 * Every address Starlight writes a docs page at (without the base), with its title: each page in
 * its locale, archived copies included, and English pages served under each translated locale
 * that has no translation of them.
 */
export async function siteTitles(): Promise<Map<string, string>> {
	const { entries } = await docsCollection();
	return servedAddresses(entries.map((entry) => ({ address: entry.id === 'index' ? '/' : `/${entry.id}/`, locale: splitLocale(entry.id).locale, value: entry.data.title })));
}
