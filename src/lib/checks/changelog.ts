/**
 * A document's changelog is its history, and readers ask it what was in force on a day: so it lists
 * the versions the page has had, newest first, each once, none above the page's own; the current
 * version's entry is dated its `effective` day; and every earlier version's text is kept — an
 * archived copy under `<page>/versions/`, or, where it is lost, `archived: false` to say so.
 */
import { isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { archivesOf } from '../versions/history.ts';
import { archivePath } from '../versions/release.ts';
import { compareVersions } from '../versions/semver.ts';
import { paths, salvagedWith, type Handbook, type Page, type Report } from './handbook.ts';
import { duplicates } from './suggest.ts';

export function checkChangelogs(handbook: Handbook, report: Report): void {
	// A page that failed its schema is held to these rules as far as its valid fields go.
	const salvaged = salvagedWith(handbook, ['version', 'changelog']).filter((page) => !page.locale);
	for (const page of [...handbook.pages, ...salvaged]) {
		if (!isLiveDocument(page.data)) continue;
		checkOrder(page, page.data, report);
		if (page.data.status !== undefined && page.data.status !== 'draft' && page.data.id !== undefined) checkKept(page, page.data, archivesOf(handbook.pages, page.data.id), handbook.failed, report);
	}
	checkArchives(handbook, report);
}

/** Newest first, each version once, none above the page's own, the current one dated `effective`. */
function checkOrder(page: Page, data: DataOf<DocumentKind>, report: Report): void {
	const { changelog } = data;
	for (const { index, first } of duplicates(changelog, (entry) => entry.version)) {
		report.at(page, ['changelog', index, 'version'], `version ${changelog[index]!.version} is listed twice (first at line ${page.source.locate(['changelog', first, 'version']).line})`);
	}
	// Entries above the page's version are reported once, and left out of the order the others keep.
	const own = (entry: (typeof changelog)[number]) => compareVersions(entry.version, data.version) <= 0;
	changelog.forEach((entry, i) => {
		const above = changelog.slice(0, i).findLast(own);
		if (!own(entry)) {
			report.at(
				page,
				['changelog', i, 'version'],
				`${entry.version} is above the page's own version ${data.version}: a changelog lists only the versions this page has had; remove the entries copied from another page`,
			);
		} else if (above && compareVersions(entry.version, above.version) > 0) {
			report.at(page, ['changelog', i, 'version'], `${entry.version} is listed below ${above.version}; the changelog is newest first`);
		} else if (above && entry.date > above.date) {
			report.at(page, ['changelog', i, 'date'], `${entry.version} is dated ${entry.date}, after ${above.version} (${above.date}); a version comes into force before the ones that follow it`);
		}
		if (entry.version === data.version && data.effective !== undefined && entry.date !== data.effective && data.status !== 'draft') {
			report.at(
				page,
				['changelog', i, 'date'],
				`${entry.version} is effective ${data.effective}, but its changelog entry is dated ${entry.date}; what was in force on a day is read from the changelog: make them the same day`,
			);
		}
	});
}

/**
 * Every earlier version has an archived copy, or says that its text is lost; never both. A copy
 * that failed to load is reported where it is, not again here.
 */
function checkKept(page: Page, data: DataOf<DocumentKind>, archives: Map<string, Page>, failed: Set<string>, report: Report): void {
	const docsFile = page.file.slice(paths.docs.length + 1);
	data.changelog.forEach((entry, i) => {
		const order = compareVersions(entry.version, data.version);
		const copy = archives.get(entry.version);
		if (entry.archived === false && order === 0) {
			report.at(page, ['changelog', i, 'archived'], `${entry.version} is this page's own version, and its text is this page: remove archived: false`);
		} else if (entry.archived === false && copy) {
			report.at(page, ['changelog', i, 'archived'], `${entry.version} has an archived copy (${copy.file}): remove archived: false`);
		} else if (order < 0 && !copy && entry.archived !== false && !failed.has(`${paths.docs}/${archivePath(docsFile, entry.version)}`)) {
			report.at(
				page,
				['changelog', i, 'version'],
				`${entry.version} has no archived copy (${paths.docs}/${archivePath(docsFile, entry.version)}): recover it from git with npm run release -- --backfill ${data.id}; if its text is lost, that marks it archived: false`,
			);
		}
	});
}

/** An archived copy is of a version its page's changelog lists. */
function checkArchives(handbook: Handbook, report: Report): void {
	const live = new Map(handbook.pages.flatMap((page) => (isLiveDocument(page.data) ? [[page.data.id, page] as const] : [])));
	for (const copy of handbook.pages) {
		const data = copy.data as { archived_of?: string; version?: string };
		const page = data.archived_of === undefined ? undefined : live.get(data.archived_of);
		if (!page || !data.version) continue;
		const doc = page.data as DataOf<DocumentKind>;
		if (data.version !== doc.version && !doc.changelog.some((entry) => entry.version === data.version)) {
			report.at(copy, ['version'], `an archived copy of ${data.version}, a version the changelog of ${page.file} does not list; add its entry there`);
		}
	}
}
