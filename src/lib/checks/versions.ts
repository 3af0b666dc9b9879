/**
 * Rules that compare the handbook with a git base (`npm run check -- --base REF`): a document
 * whose structure changed carries a version step at least as large as the change and a changelog
 * entry for it; its `effective` date does not move back; archived copies never change; a deleted
 * page is not still referred to.
 */
import { isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { refersTo } from '../content/references.ts';
import type { BasePage } from '../versions/base.ts';
import { diffDocuments, requiredBump } from '../versions/diff.ts';
import { bumpBetween, bumped, bumpRank } from '../versions/semver.ts';
import { isArchiveFile, type Handbook, type Report } from './handbook.ts';

export function checkVersions(handbook: Handbook, report: Report, base: { ref: string; pages: BasePage[]; texts: Map<string, string> }): void {
	const current = new Map(handbook.pages.filter((page) => isLiveDocument(page.data)).map((page) => [(page.data as DataOf<DocumentKind>).id, page]));
	const currentFiles = new Set(handbook.pages.map((page) => page.file));

	for (const old of base.pages) {
		if (isArchiveFile(old.file)) {
			const now = base.texts.get(old.file);
			if (now === undefined) report.add(old.file, 1, 1, '', `archived version deleted since ${base.ref}; archived copies are frozen and stay`);
			else if (now !== old.text) report.add(old.file, 1, 1, '', `archived version changed since ${base.ref}; archived copies are frozen: release a new version instead`);
			continue;
		}
		if (!old.data) continue;
		const page = current.get(old.data.id);
		if (!page) {
			if (currentFiles.has(old.file)) continue;
			const referrers = handbook.pages.filter((other) => isLiveDocument(other.data) && refersTo(other.data, old.data!.id));
			if (referrers.length > 0) {
				const where = referrers.map((other) => other.file).join(', ');
				report.add(old.file, 1, 1, '', `page "${old.data.id}" is deleted but still referred to by ${where}`);
			}
			continue;
		}
		const now = page.data as DataOf<DocumentKind>;
		if (now.effective < old.data.effective) {
			report.at(page, ['effective'], `effective moves back from ${old.data.effective} (at ${base.ref}) to ${now.effective}; it may only move forward`);
		}
		const changes = diffDocuments(old.data, now);
		const needed = requiredBump(changes);
		if (!needed) continue;
		const summary = changes.filter((change) => change.bump === needed).slice(0, 3).map((change) => change.message).join('; ');
		const step = bumpBetween(old.data.version, now.version);
		const target = bumped(old.data.version, needed);
		if (!step) {
			report.at(page, ['version'], `the structure changed since ${base.ref} (${summary}) but the version is still ${now.version}: a ${needed} change needs ${target}`);
		} else if (bumpRank[step] < bumpRank[needed]) {
			report.at(page, ['version'], `${old.data.version} → ${now.version} is a ${step} step, but ${summary} needs a ${needed} one: ${target}`);
		}
		if (step && !now.changelog.some((entry) => entry.version === now.version)) {
			report.at(page, ['changelog'], `no changelog entry for ${now.version}; add one with its date, a summary and type: ${needed}`);
		}
	}
}
