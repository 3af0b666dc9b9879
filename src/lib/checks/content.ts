/**
 * Validates every content and data file against the same schemas Astro's collections use, and
 * reports every problem at its file, line and column. Runs in plain Node: nothing here imports
 * Astro's runtime.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataset } from '../../schemas/dataset.ts';
import { pageSchema } from '../../schemas/page.ts';
import type { z } from 'astro/zod';
import { fieldPath, type Diagnostic } from './diagnostic.ts';
import { extractFrontmatter, FrontmatterError } from './frontmatter.ts';
import { locateIssues } from './schema-issues.ts';
import { parseYamlSource } from './yaml-source.ts';

export const docsDir = 'src/content/docs';
export const datasetsDir = 'src/content/datasets';

/** The schema each kind of file is checked against, by folder. */
const collections: { dir: string; pattern: RegExp; schema: z.ZodType; frontmatter: boolean }[] = [
	{ dir: docsDir, pattern: /\.mdx?$/, schema: pageSchema, frontmatter: true },
	{ dir: datasetsDir, pattern: /\.ya?ml$/, schema: dataset, frontmatter: false },
];

export interface CheckResult {
	files: number;
	diagnostics: Diagnostic[];
}

export async function checkContent(root: string): Promise<CheckResult> {
	const diagnostics: Diagnostic[] = [];
	let files = 0;
	for (const collection of collections) {
		const names = await listFiles(path.join(root, collection.dir), collection.pattern);
		files += names.length;
		const results = await Promise.all(
			names.map((name) => checkFile(root, path.join(collection.dir, name), collection.schema, collection.frontmatter)),
		);
		diagnostics.push(...results.flat());
	}
	diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
	return { files, diagnostics };
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
	const { readdir } = await import('node:fs/promises');
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('_'))
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

export async function checkFile(root: string, relative: string, schema: z.ZodType, frontmatter: boolean): Promise<Diagnostic[]> {
	const file = relative.split(path.sep).join('/');
	const at = (line: number, column: number, field: string, message: string): Diagnostic => ({
		file,
		line,
		column,
		field,
		message,
		severity: 'error',
	});
	let text: string;
	try {
		text = await readFile(path.join(root, relative), 'utf8');
	} catch (error) {
		return [at(1, 1, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)];
	}
	let yaml = text;
	let firstLine = 1;
	if (frontmatter) {
		try {
			({ yaml, firstLine } = extractFrontmatter(text));
		} catch (error) {
			if (error instanceof FrontmatterError) return [at(error.line, 1, '', error.message)];
			throw error;
		}
	}
	const source = parseYamlSource(yaml, firstLine);
	if (source.errors.length > 0) return source.errors.map((e) => at(e.line, e.column, '', e.message));
	const result = schema.safeParse(source.value ?? {});
	if (result.success) return [];
	return locateIssues(result.error, source).map((issue) => at(issue.line, issue.column, fieldPath(issue.path), issue.message));
}
