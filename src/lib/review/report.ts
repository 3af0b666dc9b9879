/**
 * The review report of a change, for its pull request: what changed in each document (old → new
 * version, the structured diff), which translations it changes or leaves behind, what else it
 * touches through references, what the validator says, and which owners must approve. The handbook
 * and the base are each read once, and the validator runs on what was read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { formatDiagnostic } from '../checks/diagnostic.ts';
import { loadHandbook, Report, type Handbook, type Page } from '../checks/handbook.ts';
import { checkLoaded } from '../checks/index.ts';
import { unarchivedEdit } from '../checks/versions.ts';
import { pageReferences } from '../content/references.ts';
import { documentKindNames } from '../kinds.ts';
import { today } from '../stale.ts';
import { basePages, type BasePage } from '../versions/base.ts';
import { diffDocuments, requiredBump, type Change } from '../versions/diff.ts';
import { reviewTranslations, type ReviewedTranslation } from './translations.ts';

export type { ReviewedTranslation } from './translations.ts';

export interface ReviewedPage {
	id: string;
	title: string;
	kind: DocumentKind;
	file: string;
	status: 'added' | 'changed' | 'deleted';
	from?: string;
	to?: string;
	/** The smallest version step the structural changes need. */
	required?: string;
	changes: Change[];
	/** The version in force at the base that this change edits without archiving it first. */
	unarchived?: string;
}

export interface ReviewReport {
	base: string;
	pages: ReviewedPage[];
	translations: ReviewedTranslation[];
	/** Pages and metrics that refer to a changed or deleted page. */
	affected: { id: string; kind: string; because: string }[];
	check: { errors: number; warnings: number; lines: string[] };
	/** Reviewer handles, by team, for the owners of every changed page. */
	owners: { team: string; reviewers: string[] }[];
}

export async function reviewChange(root: string, base: string, day = today()): Promise<ReviewReport> {
	const report = new Report();
	const loaded = await loadHandbook(root, report);
	const { handbook } = loaded;
	const before = await basePages(root, base);
	const live = handbook.pages.filter((page) => isLiveDocument(page.data));
	const pages = await changedPages(root, handbook, live, before);
	const touched = new Set(pages.map((page) => page.id));
	const translations = await reviewTranslations(root, base, handbook, touched);
	const result = await checkLoaded(root, loaded, report, { base, today: day, basePages: before });
	return {
		base,
		pages,
		translations,
		affected: affectedBy(handbook, live, pages),
		check: { errors: result.errors, warnings: result.warnings, lines: result.diagnostics.map(formatDiagnostic) },
		owners: owners(handbook, live, before, [...pages.map((page) => page.id), ...translations.filter((t) => t.status !== 'outdated').map((t) => t.id)]),
	};
}

const dataOf = (page: Page) => page.data as DataOf<DocumentKind>;

/** The documents added, changed (in structure, prose or version) or deleted since the base. */
async function changedPages(root: string, handbook: Handbook, live: Page[], before: BasePage[]): Promise<ReviewedPage[]> {
	const old = new Map(before.flatMap((page) => (page.data ? [[page.data.id, page] as const] : [])));
	const now = new Set(live.map((page) => dataOf(page).id));
	const pages: ReviewedPage[] = [];
	for (const page of live) {
		const data = dataOf(page);
		const base = old.get(data.id);
		const entry = { id: data.id, title: data.title, kind: data.kind, file: page.file };
		if (!base?.data) {
			pages.push({ ...entry, status: 'added', to: data.version, changes: [] });
			continue;
		}
		const changes = diffDocuments(base.data, data);
		const prose = (await readFile(path.join(root, page.file), 'utf8')) !== base.text;
		if (changes.length > 0 || prose || base.data.version !== data.version) {
			const unarchived = unarchivedEdit(page, base, handbook);
			pages.push({ ...entry, status: 'changed', from: base.data.version, to: data.version, required: requiredBump(changes), changes, ...(unarchived && { unarchived }) });
		}
	}
	for (const [id, page] of old) {
		if (!now.has(id) && page.data) pages.push({ id, title: page.data.title, kind: page.data.kind, file: page.file, status: 'deleted', from: page.data.version, changes: [] });
	}
	return pages.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/**
 * What else the change reaches: reply scripts of an intent it removes, pages that name a changed
 * page (found by the validator's own walk over references), and metrics that depend on one.
 */
function affectedBy(handbook: Handbook, live: Page[], pages: ReviewedPage[]): ReviewReport['affected'] {
	const touched = new Set(pages.map((page) => page.id));
	const removedLabels = new Set(pages.flatMap((page) => page.changes.flatMap(({ item }) => (item?.what === 'label' && item.action !== 'added' ? [item.id] : []))));
	const affected: ReviewReport['affected'] = [];
	for (const page of live) {
		const data = dataOf(page);
		if (touched.has(data.id)) continue;
		if (data.kind === 'reply-script' && removedLabels.has(data.intent)) affected.push({ id: data.id, kind: 'reply script', because: `answers intent \`${data.intent}\`, which this change removes` });
		const named = [...new Set(pageReferences(data).map((reference) => reference.id))].filter((id) => touched.has(id));
		for (const id of named) affected.push({ id: data.id, kind: documentKindNames[data.kind].toLowerCase(), because: `refers to \`${id}\`` });
	}
	for (const metric of handbook.metrics?.data ?? []) {
		const changed = metric.depends_on.filter((dependency) => touched.has(dependency));
		if (changed.length > 0) {
			affected.push({ id: metric.id, kind: 'metric', because: `depends on ${changed.map((id) => `\`${id}\``).join(', ')}; its charts will mark the new versions` });
		}
	}
	return affected;
}

/** The owner teams of the documents `ids` (as they are now, or were at the base), with their reviewers. */
function owners(handbook: Handbook, live: Page[], before: BasePage[], ids: string[]): ReviewReport['owners'] {
	const now = new Map(live.map((page) => [dataOf(page).id, dataOf(page).owner]));
	const then = new Map(before.flatMap((page) => (page.data ? [[page.data.id, page.data.owner] as const] : [])));
	const teams = new Set(ids.map((id) => now.get(id) ?? then.get(id)).filter((team) => team !== undefined));
	return [...teams].sort().map((team) => ({ team, reviewers: handbook.teams?.data.find((t) => t.id === team)?.reviewers ?? [] }));
}
