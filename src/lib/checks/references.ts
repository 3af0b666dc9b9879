/**
 * Every cross-reference resolves: owners and step teams to the teams registry, page ids to pages
 * of the right kind, reply-script intents to intent labels, snapshots to datasets, and glossary
 * terms used in page bodies to the glossary. Astro's `reference()` does not fail a build on a
 * missing entry; this check does.
 */
import { isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { parseSnapshotRef } from '../../schemas/snapshot-ref.ts';
import { pageReferences, teamReferences, type PageReference } from '../content/references.ts';
import { translatedLangs } from '../i18n/locales.ts';
import { documentKindNames } from '../kinds.ts';
import { localeOfFile, paths, salvagedWith, type Handbook, type Located, type Page, type Report } from './handbook.ts';
import { duplicates, hint } from './suggest.ts';

export function checkReferences(handbook: Handbook, report: Report): void {
	const known = knownIds(handbook);
	checkUniqueIds(handbook, report);
	// Translations refer to the same pages and teams as their source; their own references are checked
	// too, and so are those of a page that failed its schema in other fields.
	for (const page of [...handbook.pages, ...handbook.translations, ...handbook.salvaged]) {
		if (!isLiveDocument(page.data)) continue;
		checkTeams(page, teamReferences(page.data), known, report);
		checkPages(page, pageReferences(page.data), known, report);
		checkIntentAndSnapshot(page, page.data, known, report);
	}
	for (const entry of handbook.datasets) checkTeams(entry, [{ path: ['owner'], id: entry.data.owner }], known, report);
	if (known.glossaryComplete) checkGlossaryTerms(handbook, report);
}

/** The ids references resolve against, and which of them are complete enough to judge. */
interface Known {
	teamsFile?: string;
	teams: Set<string>;
	/** The live page of each id (the first, where an id is used twice). */
	pages: Map<string, Page>;
	/** The labels of every intent taxonomy: what a reply script may answer. */
	intents: Set<string>;
	intentsComplete: boolean;
	datasets: Set<string>;
	// A page, dataset or glossary that failed to load may hold the id a reference names: until it
	// loads, such references are not judged (the load error already fails the run).
	pagesComplete: boolean;
	datasetsComplete: boolean;
	glossaryComplete: boolean;
}

function knownIds(handbook: Handbook): Known {
	const failed = [...handbook.failed];
	// A page that failed its schema still names its id and kind when those fields are valid.
	const english = [...handbook.pages, ...salvagedWith(handbook, ['id']).filter((page) => !page.locale)];
	const pages = new Map<string, Page>();
	for (const page of english) if (isLiveDocument(page.data) && !pages.has(page.data.id)) pages.set(page.data.id, page);
	const known = new Set(english.map((page) => page.file));
	const intents = handbook.pages.flatMap((page) =>
		page.data.kind === 'labeling-spec' && page.data.taxonomy === 'intent' && !page.data.archived_of ? page.data.labels.map((label) => label.id) : [],
	);
	// A spec whose labels (or taxonomy) failed may hold the intent a reply script names.
	const intentsUnknown = handbook.salvaged.some((page) => page.data.kind === 'labeling-spec' && (page.invalid.has('labels') || page.invalid.has('taxonomy')));
	return {
		teamsFile: handbook.teams?.file,
		teams: new Set(handbook.teams?.data.map((team) => team.id) ?? []),
		pages,
		intents: new Set(intents),
		intentsComplete: !intentsUnknown,
		datasets: new Set(handbook.datasets.map((entry) => entry.data.id)),
		pagesComplete: !failed.some((file) => file.startsWith(`${paths.docs}/`) && localeOfFile(file) === undefined && !known.has(file)),
		datasetsComplete: !failed.some((file) => file.startsWith(`${paths.datasets}/`)),
		glossaryComplete: !handbook.failed.has(paths.glossary),
	};
}

/** Team ids and page ids are each used once; so are the steps of a procedure. */
function checkUniqueIds(handbook: Handbook, report: Report): void {
	if (handbook.teams) {
		for (const { index, first } of duplicates(handbook.teams.data, (team) => team.id)) {
			report.at(handbook.teams, [index, 'id'], `team id "${handbook.teams.data[index]!.id}" is used twice (first at line ${handbook.teams.source.locate([first, 'id']).line})`);
		}
	}
	const byId = new Map<string, Page>();
	for (const page of [...handbook.pages, ...salvagedWith(handbook, ['id']).filter((page) => !page.locale)]) {
		if (!isLiveDocument(page.data)) continue;
		const first = byId.get(page.data.id);
		if (first) report.at(page, ['id'], `page id "${page.data.id}" is already used by ${first.file}:${first.source.locate(['id']).line}`);
		else byId.set(page.data.id, page);
	}
	for (const page of [...handbook.pages, ...handbook.translations, ...salvagedWith(handbook, ['steps'])]) {
		if (page.data.kind !== 'sop' || page.data.archived_of) continue;
		const { steps } = page.data;
		for (const { index, first } of duplicates(steps, (step) => step.id)) {
			report.at(page, ['steps', index, 'id'], `step id "${steps[index]!.id}" is used twice (first at line ${page.source.locate(['steps', first, 'id']).line})`);
		}
	}
}

function checkTeams(located: Located<unknown>, references: { path: PropertyKey[]; id: string }[], known: Known, report: Report): void {
	if (!known.teamsFile) return;
	for (const { path, id } of references) {
		if (!known.teams.has(id)) report.at(located, path, `no team "${id}" in ${known.teamsFile}${hint(id, known.teams)}`);
	}
}

function checkPages(page: Page, references: PageReference[], known: Known, report: Report): void {
	for (const { path, id, kind } of references) {
		const target = known.pages.get(id);
		if (!target) {
			if (known.pagesComplete) report.at(page, path, `no page with id "${id}"${hint(id, known.pages.keys())}`);
		} else if (kind && target.data.kind !== kind) {
			report.at(page, path, `page "${id}" is ${article(target.data.kind as DocumentKind)}, expected ${article(kind)}`);
		}
	}
}

/** "an SOP", "an escalation flow", "a reply script": by sound, so acronyms go by letter name. */
function article(kind: DocumentKind): string {
	const name = documentKindNames[kind].replace(/^[A-Z][a-z]/, (start) => start.toLowerCase());
	return `${/^([aeiou]|[AEFHILMNORSX][A-Z])/.test(name) ? 'an' : 'a'} ${name}`;
}

/** A reply script answers an intent of an intent taxonomy; a review reads a declared dataset. */
function checkIntentAndSnapshot(page: Page, data: DataOf<DocumentKind>, known: Known, report: Report): void {
	if (data.kind === 'reply-script' && data.intent !== undefined && known.pagesComplete && known.intentsComplete && !known.intents.has(data.intent)) {
		report.at(page, ['intent'], `no intent "${data.intent}" in any labeling spec with taxonomy: intent${hint(data.intent, known.intents)}`);
	}
	if (data.kind === 'metric-review' && data.snapshot !== undefined) {
		const { dataset } = parseSnapshotRef(data.snapshot);
		if (known.datasetsComplete && !known.datasets.has(dataset)) report.at(page, ['snapshot'], `no dataset "${dataset}" in ${paths.datasets}/${hint(dataset, known.datasets)}`);
	}
}

/** `<Term id="…">` in page bodies, and `see_also` in the glossary itself. */
function checkGlossaryTerms(handbook: Handbook, report: Report): void {
	const glossary = handbook.glossary;
	const termIds = new Set(glossary?.data.map((term) => term.id) ?? []);
	if (glossary) {
		for (const { index, first } of duplicates(glossary.data, (term) => term.id)) {
			report.at(glossary, [index, 'id'], `term id "${glossary.data[index]!.id}" is used twice (first at line ${glossary.source.locate([first, 'id']).line})`);
		}
		glossary.data.forEach((term, i) => {
			term.see_also.forEach((id, j) => {
				if (!termIds.has(id)) report.at(glossary, [i, 'see_also', j], `no glossary term "${id}"${hint(id, termIds)}`);
			});
			for (const lang of Object.keys(term.translations)) {
				if (!translatedLangs.includes(lang)) report.at(glossary, [i, 'translations', lang], `"${lang}" is not a translated language of the handbook (${translatedLangs.join(', ')})`);
			}
		});
	}
	for (const page of [...handbook.pages, ...handbook.translations]) {
		for (const match of page.body.matchAll(/<Term\b[^>]*?\bid=["']([^"']*)["']/g)) {
			const id = match[1]!;
			if (termIds.has(id)) continue;
			const before = page.body.slice(0, match.index);
			const line = page.bodyLine + (before.match(/\n/g)?.length ?? 0);
			const column = match.index - before.lastIndexOf('\n');
			report.add(page.file, line, column, '<Term>', `no glossary term "${id}" in src/content/glossary.yaml${hint(id, termIds)}`);
		}
	}
}
