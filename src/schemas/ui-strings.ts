import { z } from 'astro/zod';

/**
 * A UI string file, `src/content/i18n/<lang>.json`: text by key. Starlight's own keys may be
 * overridden; opsbook's keys (`opsbook.…`) are those of `en.json`. `{{name}}` is a value the
 * component fills in, and `<link>…</link>` marks the words that link somewhere. The validator
 * holds every language to English's keys, values and links.
 */
export const uiStrings = z.record(z.string(), z.string({ error: 'expected a text' }).min(1));
