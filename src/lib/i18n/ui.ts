/**
 * The UI strings of the page being rendered, for components: Starlight's i18n (`Astro.locals.t`)
 * with opsbook's keys, and the locale of the page.
 */
import type { UiKey } from '../../schemas/ui-strings.ts';
import { localeOfLang, type Locale } from './locales.ts';

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/**
 * A UI string of the page's language with its `{{name}}` values filled in. Values are not
 * HTML-escaped here (i18next would by default): Astro escapes what it renders.
 */
export function uiOf(locals: App.Locals): Translate {
	return (key, values) => locals.t(key, { ...values, interpolation: { escapeValue: false } }) as string;
}

/**
 * The locale of the page being rendered: from Starlight's route on handbook pages, from the URL
 * (`Astro.currentLocale`) on the site's own routes.
 */
export function localeOf(astro: { currentLocale?: string | undefined }): Locale {
	return localeOfLang(astro.currentLocale);
}
