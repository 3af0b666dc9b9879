/**
 * Old addresses of pages that moved (`src/content/redirects.yaml`), worked out into the pages the
 * build writes at them. Astro's own `redirects` option writes stubs without the site's
 * Content-Security-Policy, which the hosting check refuses (every page must carry it); these are
 * handbook pages like any other, so they carry it, and they send the reader on with
 * `<meta http-equiv="refresh">` and a link — no script, so nothing for the policy to block.
 */
import { problemLine, readContent } from '../content/load.ts';
import { localizePath, type Locale } from '../i18n/locales.ts';
import { redirects as redirectsSchema, sitePath, type Redirect } from '../../schemas/redirect.ts';

export const redirectsFile = 'src/content/redirects.yaml';

/** One page the build writes at an old address. */
export interface MovedPage {
	/** The old address, in its locale (`/zh-cn/reviews/bot-service-weekly/`), without the base. */
	from: string;
	/** The new address, in the same locale, without the base. */
	to: string;
	locale: Locale;
}

export interface RedirectSite {
	/** Every page of the handbook the build writes, by site path in every locale (`/zh-cn/specs/x/`). */
	pages: Set<string>;
	/** Site paths the audience of this build may not read (see src/lib/audience/plan.ts). */
	hiddenPaths: Set<string>;
	/** Every locale the site is built in; `undefined` is the source language at the root. */
	locales: Locale[];
}

/** Why an old address (a key of the file) is no site path, or `undefined` when it is one. */
export function oldAddressProblem(from: string): string | undefined {
	const path = sitePath.safeParse(from);
	return path.success ? undefined : `${path.error.issues[0]!.message}; found "${from}"`;
}

function checkOldAddress(from: string): void {
	const problem = oldAddressProblem(from);
	if (problem) throw new Error(`${redirectsFile}, the entry "${from}": ${problem}`);
}

/**
 * What is wrong with the entry `from` → `to` on a site of `pages` (site paths in every locale), by
 * the field to fix: an old address that is a page again, or a new address that is no page. Shared
 * by the build and by `npm run check`, so both say the same.
 */
export function entryProblem(from: string, to: string, pages: ReadonlySet<string>): { field: 'from' | 'to'; message: string } | undefined {
	if (pages.has(from)) return { field: 'from', message: `${from} is a page of the handbook again, so it cannot also send readers to ${to}; remove the entry, or move the page` };
	if (!pages.has(to)) return { field: 'to', message: `it sends readers to ${to}, which is not a page of the handbook; give the address of the page as it is now (e.g. /reviews/bot-service/)` };
	return undefined;
}

/**
 * The pages to write for `redirects` (old address → entry), one per locale. An entry whose new
 * page this audience may not read writes nothing: for that reader the page never existed. Throws
 * an error naming the file and the entry for an old address that is not a site path, one that is
 * a page again, and a new address that is no page.
 */
export function movedPages(redirects: { id: string; data: Redirect }[], site: RedirectSite): MovedPage[] {
	const pages: MovedPage[] = [];
	for (const { id: from, data } of redirects) {
		checkOldAddress(from);
		const problem = entryProblem(from, data.to, site.pages);
		// A page this audience may not read is no page of its site, yet no mistake of the file's.
		if (problem?.field === 'to' && site.hiddenPaths.has(data.to)) continue;
		if (problem) throw new Error(`${redirectsFile}, the entry "${from}": ${problem.message}`);
		for (const locale of site.locales) {
			const localized = { from: localizePath(from, locale), to: localizePath(data.to, locale), locale };
			if (site.pages.has(localized.to)) pages.push(localized);
		}
	}
	return pages;
}

/**
 * Every old address of `src/content/redirects.yaml` in every locale, under `base`
 * (`/handbook/zh-cn/reviews/bot-service-weekly/`), read without Astro: the sitemap leaves them out,
 * since their pages ask search engines not to index them.
 */
export async function movedAddresses(root: string, base: string, locales: Locale[]): Promise<Set<string>> {
	const { parsed, problems } = await readContent(root, redirectsFile, redirectsSchema, { frontmatter: false });
	// A handbook without the file has moved no page.
	if (problems.some((problem) => problem.message.startsWith('cannot be read: it links to a file that does not exist'))) return new Set();
	if (!parsed) throw new Error(`${redirectsFile} is not valid: ${problems.map((problem) => problemLine(redirectsFile, problem)).join('; ')}`);
	Object.keys(parsed.data).forEach(checkOldAddress);
	return new Set(Object.keys(parsed.data).flatMap((address) => locales.map((locale) => `${base}${localizePath(address, locale).slice(1)}`)));
}
