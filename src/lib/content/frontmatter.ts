/**
 * Splits an MDX or Markdown file into its YAML frontmatter and body, keeping the lines where each
 * starts so that positions inside them map back to the file; and edits a frontmatter in place.
 */
import { parseDocument } from 'yaml';

export interface Frontmatter {
	yaml: string;
	/** 1-based line of the file on which the YAML's first line stands. */
	firstLine: number;
	body: string;
	/** 1-based line of the file on which the body's first line stands. */
	bodyLine: number;
}

export class FrontmatterError extends Error {
	readonly line: number;

	constructor(message: string, line: number) {
		super(message);
		this.line = line;
	}
}

export function extractFrontmatter(text: string): Frontmatter {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---') {
		throw new FrontmatterError('no frontmatter: the file must start with a line "---", the YAML, and a closing "---"', 1);
	}
	const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
	if (end === -1) throw new FrontmatterError('the frontmatter opened on line 1 is never closed with "---"', 1);
	return { yaml: lines.slice(1, end).join('\n'), firstLine: 2, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** What an edit of a page's frontmatter may do: the operations of a YAML document, comments kept. */
export interface FrontmatterEditor {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
	setIn(path: readonly (string | number)[], value: unknown): void;
}

/**
 * The page `text` with its frontmatter edited by `edit`, everything else — comments, key order,
 * quoting, the body — as it was.
 */
export function editFrontmatter(text: string, edit: (frontmatter: FrontmatterEditor) => void): string {
	const { yaml, body } = extractFrontmatter(text);
	const document = parseDocument(yaml);
	edit(document);
	return `---\n${String(document).trimEnd()}\n---\n${body}`;
}
