/**
 * Rules that compare the handbook with a git base (`npm run check -- --base REF`): archived copies
 * never change; a deleted page is not still referred to; a document whose structure changed carries
 * a version step at least as large as the change and a changelog entry for it; its `effective` date
 * does not move back; and a page in force is not edited before its version in force was archived —
 * an archive added with the change must be that version as it was at the base.
 */
import path from 'node:path';
import { hasVersionHistory, isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { extractFrontmatter } from '../content/frontmatter.ts';
import { refersTo } from '../content/references.ts';
import type { BasePage } from '../versions/base.ts';
import { diffDocuments, requiredBump } from '../versions/diff.ts';
import { archivesOf } from '../versions/history.ts';
import { archivePath, sameVersion } from '../versions/release.ts';
import { bumpBetween, bumped, bumpRank } from '../versions/semver.ts';
import { isArchiveFile, paths, type Handbook, type Page, type Report } from './handbook.ts';

export interface Base {
	ref: string;
	pages: BasePage[];
	/** Today's text of every file the base had, where it still exists. */
	texts: Map<string, string>;
}

export function checkVersions(handbook: Handbook, report: Report, base: Base): void {
	const current = new Map(handbook.pages.filter((page) => isLiveDocument(page.data)).map((page) => [(page.data as DataOf<DocumentKind>).id, page]));
	const currentFiles = new Set(handbook.pages.map((page) => page.file));
	for (const old of base.pages) {
		if (isArchiveFile(old.file)) {
			checkFrozen(old, base, report);
			continue;
		}
		if (!old.data) continue;
		const page = current.get(old.data.id);
		if (!page) {
			if (!currentFiles.has(old.file)) checkDeleted(old, old.data, handbook, report);
			continue;
		}
		checkStep(page, old.data, base.ref, report);
		checkArchivedFirst(page, old, old.data, handbook, base, report);
	}
}

/** An archived copy at the base is still there, unchanged. */
function checkFrozen(old: BasePage, base: Base, report: Report): void {
	const now = base.texts.get(old.file);
	if (now === undefined) report.add(old.file, 1, 1, '', `archived version deleted since ${base.ref}; archived copies are frozen and stay`);
	else if (now !== old.text) report.add(old.file, 1, 1, '', `archived version changed since ${base.ref}; archived copies are frozen: release a new version instead`);
}

/** A deleted page is named by no page that stays. */
function checkDeleted(old: BasePage, data: DataOf<DocumentKind>, handbook: Handbook, report: Report): void {
	const referrers = handbook.pages.filter((other) => isLiveDocument(other.data) && refersTo(other.data, data.id));
	if (referrers.length > 0) report.add(old.file, 1, 1, '', `page "${data.id}" is deleted but still referred to by ${referrers.map((other) => other.file).join(', ')}`);
}

/** The version step covers the structural change, the changelog has its entry, `effective` moves forward. */
function checkStep(page: Page, old: DataOf<DocumentKind>, ref: string, report: Report): void {
	const now = page.data as DataOf<DocumentKind>;
	if (now.effective < old.effective) {
		report.at(page, ['effective'], `effective moves back from ${old.effective} (at ${ref}) to ${now.effective}; it may only move forward`);
	}
	const changes = diffDocuments(old, now);
	const needed = requiredBump(changes);
	if (!needed) return;
	const summary = changes.filter((change) => change.bump === needed).slice(0, 3).map((change) => change.message).join('; ');
	const step = bumpBetween(old.version, now.version);
	const target = bumped(old.version, needed);
	if (!step) {
		report.at(page, ['version'], `the structure changed since ${ref} (${summary}) but the version is still ${now.version}: a ${needed} change needs ${target}`);
	} else if (bumpRank[step] < bumpRank[needed]) {
		report.at(page, ['version'], `${old.version} → ${now.version} is a ${step} step, but ${summary} needs a ${needed} one: ${target}`);
	}
	if (step && !now.changelog.some((entry) => entry.version === now.version)) {
		report.at(page, ['changelog'], `no changelog entry for ${now.version}; add one with its date, a summary and type: ${needed}`);
	}
}

/**
 * The version of `page` in force at the base, when this change edits its text and no archived copy
 * keeps it: readers asking about a day it was in force would find nothing. `undefined` when the
 * page had no version in force (a draft; a metric review, a dated report), is unchanged, or its
 * version is archived.
 */
export function unarchivedEdit(page: Page, old: BasePage, handbook: Handbook): string | undefined {
	if (!old.data || !hasVersionHistory(old.data)) return undefined;
	if (sameVersion({ data: old.data, body: extractFrontmatter(old.text).body }, page)) return undefined;
	return archivesOf(handbook.pages, old.data.id).has(old.data.version) ? undefined : old.data.version;
}

/** An edit of a page in force comes after its version was archived, and that archive is the version as it was. */
function checkArchivedFirst(page: Page, old: BasePage, data: DataOf<DocumentKind>, handbook: Handbook, base: Base, report: Report): void {
	const missing = unarchivedEdit(page, old, handbook);
	if (missing) {
		const now = page.data as DataOf<DocumentKind>;
		const entry = now.changelog.find((e) => e.version === missing);
		const backfill = `npm run release -- --backfill ${data.id}`;
		if (now.version === missing) {
			report.at(page, ['version'], `the page is edited but is still ${missing}, the version in force at ${base.ref}: readers of ${missing} would see the edit. Raise the version and add its changelog entry, then run ${backfill} to keep ${missing} as it was`);
		} else if (entry?.archived === false) {
			report.at(page, ['changelog', now.changelog.indexOf(entry), 'archived'], `${missing} was in force at ${base.ref}, so git has its text: remove archived: false and run ${backfill}`);
		} else if (!entry) {
			report.at(page, ['version'], `${missing} was in force at ${base.ref} and this change edits the page, but ${missing} has no archived copy: run ${backfill} to recover it from git, and commit the copy with this change`);
		}
		// Otherwise the changelog lists it without a copy, and the changelog rule says so, with the same fix.
		return;
	}
	const copy = archivesOf(handbook.pages, data.id).get(data.version);
	// A copy that was already at the base is frozen (checkFrozen); one added now must be the version as released.
	if (!copy || base.texts.has(copy.file)) return;
	const docsFile = old.file.slice(paths.docs.length + 1);
	const expected = { data, body: extractFrontmatter(old.text).body, from: path.posix.dirname(docsFile), to: path.posix.dirname(archivePath(docsFile, data.version)) };
	if (!sameVersion(expected, { data: { ...copy.data, archived_of: undefined }, body: copy.body })) {
		report.add(
			copy.file,
			1,
			1,
			'',
			`is not version ${data.version} as it was at ${base.ref}: it was frozen after the page was edited. Delete it and run npm run release -- --backfill ${data.id}, which recovers ${data.version} from git`,
		);
	}
}
