/**
 * The UI strings of the page being rendered, for components: Starlight's i18n (`Astro.locals.t`)
 * with opsbook's keys, and the locale of the page.
 */
import { englishUiStrings, type UiKey } from './strings.ts';
import { langOf, localeOfLang, sourceLang, type Locale } from './locales.ts';
import { fill } from './template.ts';

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** The English UI strings, read from `en.json` without Astro. */
export const englishUi: Translate = (key, values) => fill(englishUiStrings[key], values);

/** Whether the page is an English page served under a translated locale (Starlight's fallback). */
function onFallbackPage(locals: App.Locals): boolean {
	try {
		return locals.starlightRoute.isFallback === true;
	} catch {
		// Not a Starlight page (yet): the site's own routes say for themselves.
		return false;
	}
}

/**
 * A UI string of the page's language with its `{{name}}` values filled in. Values are not
 * HTML-escaped here (i18next would by default): Astro escapes what it renders. On an English page
 * served under a translated locale, the page's content is English and marked so (`lang="en"`):
 * the strings of the components inside it are English too, and only the site's frame is
 * translated. `english: true` asks for that explicitly.
 */
export function uiOf(locals: App.Locals, options: { english?: boolean } = {}): Translate {
	if (options.english ?? onFallbackPage(locals)) return englishUi;
	// The template from i18next (which keeps the `{{name}}`s it is given no value for), filled here:
	// options of a call make i18next rebuild its interpolation patterns, every call. Our strings use
	// nothing else of i18next's (no plurals, no nesting), so a build asks i18next for each template
	// once per language: its lookups were 3 % of a 1,000-page build. `astro dev` asks every time, so
	// that an edited string shows at once.
	const lang = (locals.t as { lng?: unknown }).lng;
	const known = typeof lang === 'string' && !import.meta.env?.DEV ? (templates[lang] ??= new Map()) : undefined;
	return (key, values) => {
		let template = known?.get(key);
		if (template === undefined) {
			template = locals.t(key) as string;
			known?.set(key, template);
		}
		return fill(template, values);
	};
}

/** The templates a build has asked i18next for, by language and key. */
const templates: Record<string, Map<UiKey, string>> = {};

/**
 * The locale of the page being rendered: from Starlight's route on handbook pages, from the URL
 * (`Astro.currentLocale`) on the site's own routes.
 */
export function localeOf(astro: { currentLocale?: string | undefined }): Locale {
	return localeOfLang(astro.currentLocale);
}

/**
 * The language `uiOf(locals)` answers in, as a BCP-47 tag (English on a fallback page), for what
 * components format themselves, such as dates. `currentLocale` serves the site's own routes.
 */
export function uiLangOf(locals: App.Locals, currentLocale?: string): string {
	if (onFallbackPage(locals)) return sourceLang;
	try {
		return locals.starlightRoute.lang;
	} catch {
		return langOf(localeOfLang(currentLocale));
	}
}
