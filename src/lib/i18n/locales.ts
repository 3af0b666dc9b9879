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

/** `getStaticPaths()` of a site route built once per locale, as `src/pages/[...locale]/<route>.astro`. */
export function localeStaticPaths(): { params: { locale: Locale } }[] {
	return [undefined, ...translatedLocales].map((locale) => ({ params: { locale } }));
}
