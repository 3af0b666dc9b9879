/**
 * A document's history, as its changelog tells it: which version was in force from which day, and
 * where each version's text is kept. The changelog is the truth: a version is in force from its
 * entry's date until the next entry's, whether or not its text was archived, and a draft is never in
 * force. The site's history table, `?on=` on a page, the in-force page and the validator all read
 * it from here.
 */
// Types only: this module runs in the browser too, and Zod must not come with it (it tries eval).
import type { DataOf, DocumentKind } from '../../schemas/page.ts';
import { compareVersions, type Bump } from './semver.ts';

export interface VersionSpan {
	version: string;
	/** The first day it was in force: its changelog entry's date. */
	from: string;
	/** The day the next version came into force (it was in force before that day); none for the latest. */
	until?: string;
	/** Where its text is read: the page itself for the current version, else its archived copy. */
	href?: string;
	/** Its text is kept (the current version, or one with an archived copy). */
	kept: boolean;
	/** The page's own version. */
	current: boolean;
	/** What its changelog entry says changed, and how large a step it was. */
	summary?: string;
	type?: Bump;
}

/** An archived copy of a version, as the site or the validator lists it. */
export interface ArchivedVersion {
	version: string;
	href: string;
}

type Doc = Pick<DataOf<DocumentKind>, 'version' | 'effective' | 'status' | 'changelog'>;

/**
 * The versions that were in force, newest first, each with where its text is (`archives`: the
 * archived copies; `href`: the page itself). Entries above the page's own version (a copied
 * changelog, an error of its own) are not part of its history.
 */
export function versionHistory(doc: Doc, archives: readonly ArchivedVersion[], href: string): VersionSpan[] {
	// A draft is not in force, and has not been: a document goes back to draft only before it ever is.
	if (doc.status === 'draft') return [];
	const copies = new Map(archives.map((archive) => [archive.version, archive.href]));
	const entries: Pick<VersionSpan, 'version' | 'from' | 'summary' | 'type'>[] = doc.changelog
		.filter((entry) => compareVersions(entry.version, doc.version) <= 0)
		.map((entry) => ({ version: entry.version, from: entry.date, summary: entry.summary, type: entry.type }));
	// A current version without its changelog entry is in force from its `effective` date.
	if (!entries.some((entry) => entry.version === doc.version)) entries.push({ version: doc.version, from: doc.effective });
	const seen = new Set<string>();
	const sorted = entries
		.filter((entry) => !seen.has(entry.version) && seen.add(entry.version))
		.sort((a, b) => b.from.localeCompare(a.from) || compareVersions(b.version, a.version));
	return sorted.map((entry, i): VersionSpan => {
		const current = entry.version === doc.version;
		const copy = current ? href : copies.get(entry.version);
		return { ...entry, until: sorted[i - 1]?.from, href: copy, kept: copy !== undefined, current };
	});
}

/**
 * The version in force on `day` (`YYYY-MM-DD`): the one with the latest start on or before it (of
 * two that start the same day, the later version). None before the first version, or for a draft
 * that never had one.
 */
export function inForceOn(history: readonly VersionSpan[], day: string): VersionSpan | undefined {
	// The latest to have started by then, whatever order the list is in; of two on one day, the later version.
	return history
		.filter((span) => span.from <= day)
		.reduce<VersionSpan | undefined>((best, span) => (!best || span.from > best.from || (span.from === best.from && compareVersions(span.version, best.version) > 0) ? span : best), undefined);
}

/**
 * The archived copies of document `id` among `pages` (the site's collection entries or the
 * validator's pages), by version, newest first.
 */
export function archivesOf<P extends { data: unknown }>(pages: readonly P[], id: string): Map<string, P> {
	const copies = pages.filter((page) => (page.data as { archived_of?: string }).archived_of === id);
	const version = (page: P) => (page.data as { version: string }).version;
	return new Map(copies.sort((a, b) => compareVersions(version(b), version(a))).map((page) => [version(page), page]));
}

/**
 * What to tell a reader who asks which version was in force on `day`: the version with its link
 * (`found`), the version and its changelog summary when its text is lost (`lost`), or that none
 * was yet, with the first day one was (`none`). The words are the UI strings of each key.
 */
export type InForceAnswer =
	| { key: 'found'; href: string; values: { day: string; version: string; effective: string } }
	| { key: 'lost'; values: { day: string; version: string; effective: string; summary: string } }
	| { key: 'none'; values: { day: string; first: string } };

export function inForceAnswer(history: readonly VersionSpan[], day: string): InForceAnswer {
	const span = inForceOn(history, day);
	if (!span) return { key: 'none', values: { day, first: history.at(-1)?.from ?? '' } };
	const values = { day, version: span.version, effective: span.from };
	return span.href ? { key: 'found', href: span.href, values } : { key: 'lost', values: { ...values, summary: span.summary ?? '' } };
}
