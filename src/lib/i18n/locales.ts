/**
 * The languages of the handbook. English is the source language and lives at the site's root;
 * each other locale has a folder of translated pages under `src/content/docs/<locale>/` and is
 * served under `/<locale>/`. Starlight, the validator and the components all read this one list.
 */

/** Starlight's `locales` option: the folder name of each locale, its label and its BCP-47 tag. */
export const locales = {
	root: { label: 'English', lang: 'en' },
	'zh-cn': { label: '简体中文', lang: 'zh-CN' },
} as const;

/** A locale's folder name; `undefined` is the root (English, the source language). */
export type Locale = Exclude<keyof typeof locales, 'root'> | undefined;

/** The folders of the translated locales, e.g. `zh-cn`. */
export const translatedLocales = Object.keys(locales).filter((key) => key !== 'root') as Exclude<Locale, undefined>[];

/** The BCP-47 tag of the source language. */
export const sourceLang = locales.root.lang;

/** The BCP-47 tags of the translated locales, e.g. `zh-CN`. */
export const translatedLangs: string[] = translatedLocales.map((locale) => locales[locale].lang);

/** The BCP-47 tag of a locale, e.g. `zh-CN` for `zh-cn`. */
export function langOf(locale: Locale): string {
	return locale ? locales[locale].lang : sourceLang;
}

/** The locale of a BCP-47 tag; `undefined` for the source language or a tag that is not ours. */
export function localeOfLang(lang: string | undefined): Locale {
	return translatedLocales.find((locale) => locales[locale].lang.toLowerCase() === lang?.toLowerCase());
}

/**
 * Splits a path inside the docs collection (`zh-cn/specs/x.mdx`, or a slug such as `zh-cn/specs/x`)
 * into its locale and the path of the source page it corresponds to (`specs/x.mdx`).
 */
export function splitLocale(docPath: string): { locale: Locale; sourcePath: string } {
	const [first, ...rest] = docPath.split('/');
	const locale = translatedLocales.find((candidate) => candidate === first);
	return locale && rest.length > 0 ? { locale, sourcePath: rest.join('/') } : { locale: undefined, sourcePath: docPath };
}

/** The site path of a page or route in a locale: `/specs/x/` → `/zh-cn/specs/x/`. */
export function localizePath(pathname: string, locale: Locale): string {
	const clean = pathname.startsWith('/') ? pathname : `/${pathname}`;
	return locale ? `/${locale}${clean}` : clean;
}

/**
 * Every address a site serves, each with its page's `value`: every page at its own address, and
 * each English page under each translated locale that has no translation of it (Starlight's
 * fallback). `pages` are site paths with their locale (`/zh-cn/specs/x/`, `zh-cn`).
 */
export function servedAddresses<T>(pages: Iterable<{ address: string; locale: Locale; value: T }>): Map<string, T> {
	const served = new Map<string, T>();
	const english: { address: string; value: T }[] = [];
	for (const page of pages) {
		served.set(page.address, page.value);
		if (page.locale === undefined) english.push(page);
	}
	for (const { address, value } of english) {
		for (const locale of translatedLocales) if (!served.has(localizePath(address, locale))) served.set(localizePath(address, locale), value);
	}
	return served;
}

/** `getStaticPaths()` of a site route built once per locale, as `src/pages/[...locale]/<route>.astro`. */
export function localeStaticPaths(): { params: { locale: Locale } }[] {
	return [undefined, ...translatedLocales].map((locale) => ({ params: { locale } }));
}
