/**
 * Loads the handbook for checking: every page and data file, each validated by its schema and kept
 * with its YAML positions, so that later checks (references, graphs, placeholders) can point at
 * the line of any value. Runs in plain Node: nothing here imports Astro's runtime.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { dataset, type Dataset } from '../../schemas/dataset.ts';
import { glossary, type GlossaryTerm } from '../../schemas/glossary.ts';
import { metrics, type Metric } from '../../schemas/metric.ts';
import { pageSchema, type PageData } from '../../schemas/page.ts';
import { rules, type Rules } from '../../schemas/rules.ts';
import { splitLocale, type Locale } from '../i18n/locales.ts';
import { teams, type Team } from '../../schemas/team.ts';
import { fieldPath, type Diagnostic } from './diagnostic.ts';
import { extractFrontmatter, FrontmatterError } from './frontmatter.ts';
import { locateIssues } from './schema-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

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

export interface Handbook {
	/** Files that failed to load (unreadable, bad YAML, schema errors): their ids are unknown. */
	failed: Set<string>;
	/** The English pages: the source documents, their archived versions and plain pages. */
	pages: Page[];
	/** Pages translated into another locale; they share their source's id. */
	translations: Translation[];
	datasets: Located<Dataset>[];
	teams?: Located<Team[]>;
	glossary?: Located<GlossaryTerm[]>;
	metrics?: Located<Metric[]>;
	rules?: Located<Rules>;
	/** The UI string files, `src/content/i18n/<lang>.json`. */
	uiStrings: Located<Record<string, string>>[];
}

export const paths = {
	docs: 'src/content/docs',
	datasets: 'src/content/datasets',
	teams: 'src/content/teams.yaml',
	glossary: 'src/content/glossary.yaml',
	metrics: 'src/content/metrics.yaml',
	rules: 'src/content/rules.yaml',
	uiStrings: 'src/content/i18n',
};

/** The locale of a page file (`src/content/docs/zh-cn/…` → `zh-cn`); `undefined` for an English page. */
export const localeOfFile = (file: string): Locale => splitLocale(file.slice(paths.docs.length + 1)).locale;

const stringTable = z.record(z.string(), z.string({ error: 'expected a text' }));

/** Collects diagnostics, placing each at the YAML node of a field path. */
export class Report {
	readonly diagnostics: Diagnostic[] = [];

	add(file: string, line: number, column: number, field: string, message: string, severity: Diagnostic['severity'] = 'error') {
		this.diagnostics.push({ file, line, column, field, message, severity });
	}

	/** A problem with the value at `path` inside `located`. */
	at(located: Located<unknown>, path: readonly PropertyKey[], message: string, severity: Diagnostic['severity'] = 'error') {
		const place = located.source.locate(path);
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
	let text: string;
	try {
		text = await readFile(path.join(root, file), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'it links to a file that does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
		report.add(file, 1, 1, '', `cannot be read: ${why}`);
		return undefined;
	}
	let yaml = text;
	let firstLine = 1;
	let body = '';
	let bodyLine = 1;
	if (frontmatter) {
		try {
			({ yaml, firstLine, body, bodyLine } = extractFrontmatter(text));
		} catch (error) {
			if (!(error instanceof FrontmatterError)) throw error;
			report.add(file, error.line, 1, '', error.message);
			return undefined;
		}
	}
	const source = parseYamlSource(yaml, firstLine);
	// The first syntax error is the one to fix; the parser's later ones mostly follow from it.
	const [syntax] = source.errors;
	if (syntax) {
		const more = source.errors.length - 1;
		report.add(file, syntax.line, syntax.column, '', more > 0 ? `${syntax.message} (and ${more} more after it)` : syntax.message);
		return undefined;
	}
	const result = schema.safeParse(source.value ?? {});
	if (!result.success) {
		for (const issue of locateIssues(result.error, source)) {
			report.add(file, issue.line, issue.column, fieldPath(issue.path), issue.message);
		}
		return undefined;
	}
	return { file, data: result.data, source, body, bodyLine };
}

/** Loads every page and data file; what fails its schema is reported and left out. */
export async function loadHandbook(root: string, report: Report): Promise<{ handbook: Handbook; files: number }> {
	const before = new Set(report.diagnostics.map((d) => d.file));
	const pageFiles = await listFiles(root, paths.docs, /\.mdx?$/);
	const datasetFiles = await listFiles(root, paths.datasets, /\.ya?ml$/);
	const stringFiles = await listFiles(root, paths.uiStrings, /\.json$/);
	const [pages, datasets, strings, teamList, terms, catalog, ruleSet] = await Promise.all([
		Promise.all(pageFiles.map((file) => loadFile(root, file, pageSchema, report, true))),
		Promise.all(datasetFiles.map((file) => loadFile(root, file, dataset, report, false))),
		Promise.all(stringFiles.map((file) => loadFile(root, file, stringTable, report, false))),
		loadOptional(root, paths.teams, teams, report),
		loadOptional(root, paths.glossary, glossary, report),
		loadOptional(root, paths.metrics, metrics, report),
		loadOptional(root, paths.rules, rules, report),
	]);
	const present = [teamList, terms, catalog, ruleSet].filter((entry) => entry !== null).length;
	const failed = new Set(report.diagnostics.map((d) => d.file).filter((file) => !before.has(file)));
	const english: Page[] = [];
	const translations: Translation[] = [];
	for (const page of pages) {
		if (!page) continue;
		const { locale, sourcePath } = splitLocale(page.file.slice(paths.docs.length + 1));
		if (locale) translations.push({ ...page, locale, sourceFile: `${paths.docs}/${sourcePath}` });
		else english.push(page);
	}
	return {
		handbook: {
			failed,
			pages: english,
			translations,
			datasets: datasets.filter((entry) => entry !== undefined),
			teams: teamList ?? undefined,
			glossary: terms ?? undefined,
			metrics: catalog ?? undefined,
			rules: ruleSet ?? undefined,
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
