/**
 * The one way content is read: a YAML file, or a page's frontmatter, validated by its schema, kept
 * with the position of every value so that any later problem points at its line. The validator, the
 * snapshot tool, the version rules and the review report all read through here, so a file means
 * the same to each of them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { extractFrontmatter, FrontmatterError } from './frontmatter.ts';
import { fieldPath, locateIssues, type LocatedIssue } from './issues.ts';
import { parseYamlSource, type YamlSource } from './yaml.ts';
import { upgradeFrontmatter } from '../../schemas/page.ts';

/** Content that passed its schema, with where each value is written. */
export interface Parsed<T> {
	data: T;
	source: YamlSource;
	/** A page's MDX body after the frontmatter (empty for a YAML file), and the file line it starts on. */
	body: string;
	bodyLine: number;
}

/** A problem with a file, at the place of the value it concerns (`path` empty for the file itself): a schema's issue, located. */
export type Problem = LocatedIssue;

export interface ContentResult<T> {
	/** Present when the content passed its schema. */
	parsed?: Parsed<T>;
	/** Present when the YAML parsed but failed its schema: what the file says, unchecked. */
	unchecked?: Omit<Parsed<unknown>, 'data'>;
	problems: Problem[];
}

export interface ContentOptions {
	/** The text is a page: YAML between `---` lines, then a body. */
	frontmatter: boolean;
}

/** Parses `text` and validates it with `schema`. */
export function parseContent<T>(text: string, schema: z.ZodType<T>, { frontmatter }: ContentOptions): ContentResult<T> {
	let yaml = text;
	let firstLine = 1;
	let body = '';
	let bodyLine = 1;
	if (frontmatter) {
		try {
			({ yaml, firstLine, body, bodyLine } = extractFrontmatter(text));
		} catch (error) {
			if (!(error instanceof FrontmatterError)) throw error;
			return { problems: [{ path: [], line: error.line, column: 1, message: error.message }] };
		}
	}
	const source = parseYamlSource(yaml, firstLine);
	// The first syntax error is the one to fix; the parser's later ones mostly follow from it.
	const [syntax] = source.errors;
	if (syntax) {
		const more = source.errors.length - 1;
		return { problems: [{ path: [], line: syntax.line, column: syntax.column, message: more > 0 ? `${syntax.message} (and ${more} more after it)` : syntax.message }] };
	}
	const result = schema.safeParse(frontmatter ? upgradeFrontmatter(source.value ?? {}) : (source.value ?? {}));
	if (!result.success) return { unchecked: { source, body, bodyLine }, problems: locateIssues(result.error, source) };
	return { parsed: { data: result.data, source, body, bodyLine }, problems: [] };
}

/** `file:line:col: field message`: a problem in one line, for tools that stop at the first. */
export const problemLine = (file: string, problem: Problem) =>
	`${file}:${problem.line}:${problem.column}: ${problem.path.length > 0 ? `${fieldPath(problem.path)} ` : ''}${problem.message}`;

/** Reads `file` (relative to `root`) and parses it as {@link parseContent} does. */
export async function readContent<T>(root: string, file: string, schema: z.ZodType<T>, options: ContentOptions): Promise<ContentResult<T>> {
	let text: string;
	try {
		text = await readFile(path.join(root, file), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'it links to a file that does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
		return { problems: [{ path: [], line: 1, column: 1, message: `cannot be read: ${why}` }] };
	}
	return parseContent(text, schema, options);
}
