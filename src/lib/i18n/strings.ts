/**
 * opsbook's own UI strings, by key: English (`src/content/i18n/en.json`) is the source every other
 * language translates, so its keys are the keys there are.
 */
import { z } from 'astro/zod';
import english from '../../content/i18n/en.json' with { type: 'json' };

/** The key of one of opsbook's own UI strings, e.g. `opsbook.spec.labels`. */
export type UiKey = keyof typeof english;

/** opsbook's UI strings in English. */
export const englishUiStrings: Record<UiKey, string> = english;

/**
 * The UI strings as Starlight's i18n collection extends its own (`i18nSchema({ extend })`): every
 * key of `en.json`, each optional, so `Astro.locals.t` knows them. A language that leaves one out
 * shows the English string. The file format itself is `uiStrings` in src/schemas/ui-strings.ts.
 */
export const uiStringsCollection = z
	.object(Object.fromEntries(Object.keys(english).map((key) => [key, z.string().min(1)])) as Record<UiKey, z.ZodString>)
	.partial();
