/**
 * `src/content/redirects.yaml`, checked as the build checks it, but at its file and line and
 * together with every other problem: an old address that is no site path, one that is a page
 * again, a new address that is no page. The build stops at the first; authors see them all here.
 */
import { entryProblem, oldAddressProblem } from '../hosting/redirects.ts';
import { localizePath, translatedLocales } from '../i18n/locales.ts';
import { localeOfFile, paths } from '../content/paths.ts';
import type { Handbook, Report } from './handbook.ts';

/** The site path Starlight gives a page file (`src/content/docs/reviews/bot-service/index.mdx` → `/reviews/bot-service/`). */
export function pageAddress(file: string): string {
	const id = file
		.slice(paths.docs.length + 1)
		.replace(/\.mdx?$/, '')
		.replace(/(^|\/)index$/, '')
		.toLowerCase();
	return id === '' ? '/' : `/${id}/`;
}

/**
 * Every address a page is written at: each page in its locale, and English pages under each
 * translated locale. A page that failed to load still has its address: its own error is enough.
 */
function siteAddresses(handbook: Handbook): Set<string> {
	const files = [...handbook.pages, ...handbook.translations, ...handbook.salvaged].map((page) => page.file);
	files.push(...[...handbook.failed].filter((file) => file.startsWith(`${paths.docs}/`) && /\.mdx?$/.test(file)));
	const english = files.filter((file) => localeOfFile(file) === undefined).map(pageAddress);
	const translated = files.filter((file) => localeOfFile(file) !== undefined).map(pageAddress);
	return new Set([...english, ...translated, ...translatedLocales.flatMap((locale) => english.map((address) => localizePath(address, locale)))]);
}

export function checkRedirects(handbook: Handbook, report: Report): void {
	const located = handbook.redirects;
	if (!located) return;
	const pages = siteAddresses(handbook);
	for (const [from, entry] of Object.entries(located.data)) {
		const address = oldAddressProblem(from);
		if (address) {
			report.at(located, [from], address, 'error', { key: true });
			continue;
		}
		const problem = entryProblem(from, entry.to, pages);
		if (problem?.field === 'from') report.at(located, [from], problem.message, 'error', { key: true });
		else if (problem) report.at(located, [from, 'to'], problem.message);
	}
}
