/**
 * Documents' histories as the site shows them: the versions in force and where each is read, in the
 * reader's locale, from the English page (a translation follows its source's versions) and its
 * archived copies. The history table, `?on=` and the in-force page all read them here. Runs only
 * inside Astro.
 */
import { hasVersionHistory, type DataOf, type DocumentKind, type PageData } from '../../schemas/page.ts';
import { localizePath, splitLocale, type Locale } from '../i18n/locales.ts';
import { archivesOf, versionHistory, type VersionSpan } from '../versions/history.ts';
import { docsCollection } from './docs.ts';
import { pageLink } from './pages.ts';

export interface DocumentHistory {
	id: string;
	/** The title in the reader's language, where the page is translated. */
	title: string;
	/** The English document, which is the one in force. */
	data: DataOf<DocumentKind>;
	/** Newest first; a summary in English where the translation has none is marked `summaryLang: 'en'`. */
	spans: (VersionSpan & { summaryLang?: 'en' })[];
	/** The archived copies, by version, newest first. */
	archives: Map<string, { href: string; data: DataOf<DocumentKind> }>;
}

/** The history of the English document at `sourcePath` (a docs entry id such as `specs/live-gifting-fraud`). */
export async function documentHistory(sourcePath: string, locale: Locale): Promise<DocumentHistory | undefined> {
	const { byId, archivedOf } = await docsCollection();
	const source = byId.get(sourcePath);
	const data = source?.data as PageData | undefined;
	if (!source || !data || !hasVersionHistory(data)) return undefined;
	const archives = new Map(
		[...archivesOf(archivedOf.get(data.id) ?? [], data.id)].map(([version, entry]) => [version, { href: localizePath(`/${entry.id}/`, locale), data: entry.data as DataOf<DocumentKind> }]),
	);
	const spans = versionHistory(data, [...archives].map(([version, { href }]) => ({ version, href })), localizePath(`/${source.id}/`, locale));
	// Summaries in the reader's language, where the translation of the page has them.
	const translation = locale ? (byId.get(`${locale}/${sourcePath}`)?.data as PageData | undefined) : undefined;
	const translated = translation && 'changelog' in translation ? translation.changelog : [];
	return {
		id: data.id,
		title: (await pageLink(data.id, locale)).title,
		data,
		spans: spans.map((span) => {
			const summary = translated.find((entry) => entry.version === span.version)?.summary;
			return summary ? { ...span, summary } : { ...span, summaryLang: locale && span.summary ? 'en' : undefined };
		}),
		archives,
	};
}

/** Every document that has had a version in force (no drafts, no metric reviews), by title. */
export async function documentsInForce(locale: Locale): Promise<DocumentHistory[]> {
	const sources = (await docsCollection()).entries.filter((entry) => splitLocale(entry.id).locale === undefined);
	const histories = await Promise.all(sources.map((entry) => documentHistory(entry.id, locale)));
	return histories.filter((history) => history !== undefined && history.spans.length > 0).sort((a, b) => a!.title.localeCompare(b!.title, locale ?? 'en')) as DocumentHistory[];
}
