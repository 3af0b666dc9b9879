/**
 * Loads the handbook for checking: every page and data file, each validated by its schema and kept
 * with its YAML positions, so that later checks (references, graphs, placeholders) can point at
 * the line of any value. Runs in plain Node: nothing here imports Astro's runtime (a wall of
 * docs/architecture.md, kept by tests/unit/walls.test.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { audiences, type Audience } from '../../schemas/audience.ts';
import { redirects, type Redirect } from '../../schemas/redirect.ts';
import { dataset, type Dataset } from '../../schemas/dataset.ts';
import { glossary, type GlossaryTerm } from '../../schemas/glossary.ts';
import { metrics, type Metric } from '../../schemas/metric.ts';
import { pageSchema, type PageData } from '../../schemas/page.ts';
import { rules, type Rules } from '../../schemas/rules.ts';
import { teams, type Team } from '../../schemas/team.ts';
import { uiStrings } from '../../schemas/ui-strings.ts';
import { readContent } from '../content/load.ts';
import { salvage } from '../content/salvage.ts';
import { paths } from '../content/paths.ts';
import type { YamlSource } from '../content/yaml.ts';
import { splitLocale } from '../i18n/locales.ts';
import { fieldPath, type Diagnostic } from './diagnostic.ts';

export { isArchiveFile, localeOfFile, paths } from '../content/paths.ts';

/** A validated file: its data, and where each value of it is written. */
export interface Located<T> {
	file: string;
	data: T;
	source: YamlSource;
}

export interface Page extends Located<PageData> {
	/** The MDX body after the frontmatter, and the file line it starts on. */
	body: string;
	bodyLine: number;
}

/** A page under a locale folder (`src/content/docs/zh-cn/…`): the translation of a source page. */
export interface Translation extends Page {
	/** The locale folder, e.g. `zh-cn`. */
	locale: string;
	/** The file of the English page it translates: the same path without the locale folder. */
	sourceFile: string;
}

/**
 * A page that failed its schema, kept with the fields that passed on their own, so that the checks
 * of those fields (references, graphs, dates) still report in the same run.
 */
export interface SalvagedPage extends Page {
	/** The top-level fields that failed; every other field is in `data`, valid. */
	invalid: ReadonlySet<string>;
	/** The locale folder, for a translation. */
	locale?: string;
}

export interface Handbook {
	/** Files that failed to load (unreadable, bad YAML, schema errors). */
	failed: Set<string>;
	/** Of the pages that failed their schema, those whose `kind` is known, with their valid fields. */
	salvaged: SalvagedPage[];
	/** The English pages: the source documents, their archived versions and plain pages. */
	pages: Page[];
	/** Pages translated into another locale; they share their source's id. */
	translations: Translation[];
	datasets: Located<Dataset>[];
	teams?: Located<Team[]>;
	glossary?: Located<GlossaryTerm[]>;
	metrics?: Located<Metric[]>;
	rules?: Located<Rules>;
	/** `src/content/audiences.yaml`: who may read what; absent, everything is internal. */
	audiences?: Located<Audience[]>;
	/** `src/content/redirects.yaml`: the old addresses of pages that moved; absent, none did. */
	redirects?: Located<Record<string, Redirect>>;
	/** The UI string files, `src/content/i18n/<lang>.json`. */
	uiStrings: Located<Record<string, string>>[];
}

/** Collects diagnostics, placing each at the YAML node of a field path. */
export class Report {
	readonly diagnostics: Diagnostic[] = [];

	add(file: string, line: number, column: number, field: string, message: string, severity: Diagnostic['severity'] = 'error') {
		this.diagnostics.push({ file, line, column, field, message, severity });
	}

	/** A problem with the value at `path` inside `located`; with `key`, with the name of its last key. */
	at(located: Located<unknown>, path: readonly PropertyKey[], message: string, severity: Diagnostic['severity'] = 'error', options?: { key?: boolean }) {
		const place = located.source.locate(path, options);
		this.add(located.file, place.line, place.column, fieldPath(path), message, severity);
	}
}

async function listFiles(root: string, dir: string, pattern: RegExp): Promise<string[]> {
	const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		// Links count too: a dangling one is reported as unreadable rather than silently skipped.
		.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && pattern.test(entry.name) && !entry.name.startsWith('_'))
		.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/** Reads one file and validates its YAML (or frontmatter) with `schema`; problems go to `report`. */
async function loadFile<T>(root: string, file: string, schema: z.ZodType<T>, report: Report, frontmatter: boolean) {
	const { parsed, problems } = await readContent(root, file, schema, { frontmatter });
	for (const problem of problems) report.add(file, problem.line, problem.column, fieldPath(problem.path), problem.message);
	return parsed && { file, ...parsed };
}

/** Reads one page: valid, or salvaged where its YAML parsed and its kind is known. */
async function loadPage(root: string, file: string, report: Report): Promise<Page | SalvagedPage | undefined> {
	const { parsed, unchecked, problems } = await readContent(root, file, pageSchema, { frontmatter: true });
	for (const problem of problems) report.add(file, problem.line, problem.column, fieldPath(problem.path), problem.message);
	if (parsed) return { file, ...parsed };
	const salvaged = unchecked && salvage(unchecked.source.value);
	return salvaged && { file, ...unchecked, ...salvaged };
}

/** Salvaged pages whose `fields` all passed: the checks of those fields run on them too. */
export function salvagedWith(handbook: Handbook, fields: readonly string[]): SalvagedPage[] {
	return handbook.salvaged.filter((page) => fields.every((field) => !page.invalid.has(field)));
}

export interface LoadedHandbook {
	handbook: Handbook;
	/** How many files were read. */
	files: number;
}

/**
 * Loads every page and data file; what fails its schema is reported and left out, but for the valid
 * fields of a page (`salvaged`).
 */
export async function loadHandbook(root: string, report: Report): Promise<LoadedHandbook> {
	const before = new Set(report.diagnostics.map((d) => d.file));
	const pageFiles = await listFiles(root, paths.docs, /\.mdx?$/);
	const datasetFiles = await listFiles(root, paths.datasets, /\.ya?ml$/);
	const stringFiles = await listFiles(root, paths.uiStrings, /\.json$/);
	const [pages, datasets, strings, teamList, terms, catalog, ruleSet, audienceList, moved] = await Promise.all([
		Promise.all(pageFiles.map((file) => loadPage(root, file, report))),
		Promise.all(datasetFiles.map((file) => loadFile(root, file, dataset, report, false))),
		Promise.all(stringFiles.map((file) => loadFile(root, file, uiStrings, report, false))),
		loadOptional(root, paths.teams, teams, report),
		loadOptional(root, paths.glossary, glossary, report),
		loadOptional(root, paths.metrics, metrics, report),
		loadOptional(root, paths.rules, rules, report),
		loadOptional(root, paths.audiences, audiences, report),
		loadOptional(root, paths.redirects, redirects, report),
	]);
	const present = [teamList, terms, catalog, ruleSet, audienceList, moved].filter((entry) => entry !== null).length;
	const failed = new Set(report.diagnostics.map((d) => d.file).filter((file) => !before.has(file)));
	const english: Page[] = [];
	const translations: Translation[] = [];
	const salvaged: SalvagedPage[] = [];
	for (const page of pages) {
		if (!page) continue;
		const { locale, sourcePath } = splitLocale(page.file.slice(paths.docs.length + 1));
		if ('invalid' in page) salvaged.push(locale ? { ...page, locale } : page);
		else if (locale) translations.push({ ...page, locale, sourceFile: `${paths.docs}/${sourcePath}` });
		else english.push(page);
	}
	return {
		handbook: {
			failed,
			salvaged,
			pages: english,
			translations,
			datasets: datasets.filter((entry) => entry !== undefined),
			teams: teamList ?? undefined,
			glossary: terms ?? undefined,
			metrics: catalog ?? undefined,
			rules: ruleSet ?? undefined,
			audiences: audienceList ?? undefined,
			redirects: moved ?? undefined,
			uiStrings: strings.filter((entry) => entry !== undefined),
		},
		files: pageFiles.length + datasetFiles.length + stringFiles.length + present,
	};
}

/** A single-file collection: `null` when the file does not exist, `undefined` when it is invalid. */
async function loadOptional<T>(root: string, file: string, schema: z.ZodType<T>, report: Report) {
	const exists = await readFile(path.join(root, file)).then(
		() => true,
		() => false,
	);
	return exists ? loadFile(root, file, schema, report, false) : null;
}
