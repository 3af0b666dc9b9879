import { z } from 'astro/zod';
import english from '../content/i18n/en.json' with { type: 'json' };

/** The key of one of opsbook's own UI strings, e.g. `opsbook.spec.labels`. */
export type UiKey = keyof typeof english;

/** opsbook's UI strings in English: the source every other language translates. */
export const englishUiStrings: Record<UiKey, string> = english;

/**
 * opsbook's own UI strings, added to Starlight's: `src/content/i18n/<lang>.json` holds them per
 * language (`en.json`, `zh-CN.json`). The keys are those of `en.json`; a language may leave some out,
 * and readers then see the English string. `{{name}}` is filled in by the component, and
 * `<link>…</link>` marks the words that link somewhere.
 */
export const uiStrings = z
	.object(Object.fromEntries(Object.keys(english).map((key) => [key, z.string().min(1)])) as Record<UiKey, z.ZodString>)
	.partial();
