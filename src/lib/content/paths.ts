/** Where the handbook keeps each kind of content, relative to the project root. */
import path from 'node:path';
import { splitLocale, type Locale } from '../i18n/locales.ts';

export const paths = {
	docs: 'src/content/docs',
	datasets: 'src/content/datasets',
	teams: 'src/content/teams.yaml',
	glossary: 'src/content/glossary.yaml',
	metrics: 'src/content/metrics.yaml',
	rules: 'src/content/rules.yaml',
	audiences: 'src/content/audiences.yaml',
	redirects: 'src/content/redirects.yaml',
	uiStrings: 'src/content/i18n',
};

/** The locale of a page file (`src/content/docs/zh-cn/…` → `zh-cn`); `undefined` for an English page. */
export const localeOfFile = (file: string): Locale => splitLocale(file.slice(paths.docs.length + 1)).locale;

/** Whether a page file is an archived copy made by `npm run release` (`<page>/versions/<version>.mdx`). */
export const isArchiveFile = (file: string) => /\/versions\/[^/]+\.mdx?$/.test(file);

/**
 * A page's URL path as Starlight derives it from its file, relative to the docs folder
 * (`reviews/bot-service/index.mdx` → `reviews/bot-service`; the home page is `''`). A frontmatter
 * `slug` (archived copies have one) overrides it.
 */
export const slugOf = (file: string) =>
	file
		.replace(/\.mdx?$/, '')
		.split(path.sep)
		.join('/')
		.replace(/(^|\/)index$/, '')
		.toLowerCase();
