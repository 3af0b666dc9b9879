/**
 * Translated pages (`src/content/docs/<locale>/…`) stay tied to their English source: the source
 * exists at the same path, the translation keeps its id and kind, records in `source_version`
 * which version of the source it translates (and carries that version), and, while it translates
 * the source's current version, keeps the source's structure — only the words differ. A source that
 * has moved on since is a warning: readers see "translation may be outdated".
 */
import { isDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { structuralDifferences } from '../i18n/structure.ts';
import { fieldPath } from './diagnostic.ts';
import type { Handbook, Report, Translation } from './handbook.ts';

const shown = (value: unknown) => (value === undefined ? 'nothing' : typeof value === 'number' ? `${value} items` : JSON.stringify(value));

/**
 * The translations the per-kind checks (specs, flows, replies) look at: not those of the source's
 * current version, whose structure is the source's (checked here) and so has the source's problems,
 * reported once, at the source.
 */
export function translationsToCheck(handbook: Handbook): Translation[] {
	const versions = new Map(handbook.pages.map((page) => [page.file, isDocument(page.data) ? page.data.version : undefined]));
	return handbook.translations.filter((translation) => {
		const version = versions.get(translation.sourceFile);
		return version === undefined || !isDocument(translation.data) || translation.data.source_version !== version;
	});
}

export function checkTranslations(handbook: Handbook, report: Report): void {
	for (const page of handbook.pages) {
		if (isDocument(page.data) && page.data.source_version !== undefined && !page.data.archived_of) {
			report.at(page, ['source_version'], 'is for translations, under a locale folder such as zh-cn/; an English page translates nothing: remove it');
		}
	}
	const sources = new Map(handbook.pages.map((page) => [page.file, page]));
	for (const translation of handbook.translations) {
		const source = sources.get(translation.sourceFile);
		if (!source) {
			// A source that failed to load is reported where it is; its translations wait for it.
			if (handbook.failed.has(translation.sourceFile)) continue;
			report.add(translation.file, 1, 1, '', `translates ${translation.sourceFile}, which does not exist; a translation sits at the path of its English page, under the locale folder`);
			continue;
		}
		const data = translation.data;
		const kindOf = (page: typeof data) => (isDocument(page) ? page.kind : undefined);
		if (kindOf(data) !== kindOf(source.data)) {
			const expected = kindOf(source.data) === undefined ? `no kind (${source.file} is a plain page)` : `kind "${kindOf(source.data)}", the kind of ${source.file}`;
			report.at(translation, ['kind'], `expected ${expected}, found ${kindOf(data) === undefined ? 'none' : `"${kindOf(data)}"`}`);
			continue;
		}
		if (!isDocument(source.data) || !isDocument(data)) continue;
		const original = source.data;
		if (data.id !== original.id) {
			report.at(translation, ['id'], `expected id "${original.id}", the id of ${source.file}: a translation keeps its source's id`);
		}
		const versions = [original.version, ...original.changelog.map((entry) => entry.version)];
		if (data.source_version === undefined) {
			report.at(translation, ['version'], `a translation records the version of ${source.file} it translates: add source_version: ${original.version}`);
			continue;
		}
		if (!versions.includes(data.source_version)) {
			report.at(translation, ['source_version'], `${source.file} has no version ${data.source_version} (it has ${[...new Set(versions)].join(', ')})`);
			continue;
		}
		if (data.version !== data.source_version) {
			report.at(translation, ['version'], `a translation carries the version it translates: expected ${data.source_version} (source_version), found ${data.version}`);
		}
		if (data.source_version !== original.version) {
			report.at(
				translation,
				['source_version'],
				`translation may be outdated: it translates ${data.source_version}, but ${source.file} is now at ${original.version}; update the translation, then set source_version and version to ${original.version}`,
				'warning',
			);
			continue;
		}
		for (const difference of structuralDifferences(original as DataOf<DocumentKind>, data)) {
			report.at(
				translation,
				difference.path,
				`differs from ${source.file} (version ${original.version}), which has ${shown(difference.source)} at ${fieldPath(difference.path)}, where this translation has ${shown(difference.translation)}; a translation changes only the words`,
			);
		}
	}
}
