/**
 * `src/content/redirects.yaml`, checked as the build checks it, but at its file and line and
 * together with every other problem: an old address that is no site path, one that is a page
 * again, a new address that is no page. The build stops at the first; authors see them all here.
 */
import { entryProblem, oldAddressProblem } from '../hosting/redirects.ts';
import { servedAddresses } from '../i18n/locales.ts';
import { localeOfFile, paths, slugOf } from '../content/paths.ts';
import type { Handbook, Report } from './handbook.ts';

/** The site path Starlight gives a page file (`src/content/docs/reviews/bot-service/index.mdx` → `/reviews/bot-service/`). */
export function pageAddress(file: string): string {
	const slug = slugOf(file.slice(paths.docs.length + 1));
	return slug === '' ? '/' : `/${slug}/`;
}

/** The address of a loaded page: its frontmatter's `slug` (archived copies have one), else its file's. */
function addressOf(page: { file: string; source: { value: unknown } }): string {
	const slug = (page.source.value as { slug?: unknown } | undefined)?.slug;
	return typeof slug === 'string' ? `/${slug.replace(/^\/|\/$/g, '')}/` : pageAddress(page.file);
}

/** Every address a page is written at. A page that failed to load still has its own: its error is enough. */
function siteAddresses(handbook: Handbook): Set<string> {
	const loaded = [...handbook.pages, ...handbook.translations, ...handbook.salvaged];
	const files = new Set(loaded.map((page) => page.file));
	const failed = [...handbook.failed].filter((file) => file.startsWith(`${paths.docs}/`) && /\.mdx?$/.test(file) && !files.has(file));
	const pages = [...loaded.map((page) => ({ file: page.file, address: addressOf(page) })), ...failed.map((file) => ({ file, address: pageAddress(file) }))];
	return new Set(servedAddresses(pages.map(({ file, address }) => ({ address, locale: localeOfFile(file), value: true }))).keys());
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
