/**
 * Splits an MDX or Markdown file into its YAML frontmatter and body, keeping the lines where each
 * starts so that positions inside them map back to the file; and edits a frontmatter in place.
 */
import { isMap, isNode, parseDocument } from 'yaml';

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
	// Long lines stay one line each, as authors write them.
	return `---\n${document.toString({ lineWidth: 0 }).trimEnd()}\n---\n${body}`;
}

/**
 * The page `text` with `key: value` added to the mapping at `path` of its frontmatter — at the end
 * of a block mapping on a line of its own, or before the closing brace of a flow one — and not one
 * other character changed, so that the diff a reviewer reads is the addition alone.
 */
export function addToFrontmatter(text: string, path: readonly (string | number)[], key: string, value: string): string {
	const open = text.indexOf('\n') + 1;
	const close = text.slice(open).search(/^---\s*$/m);
	if (!text.replace(/^\uFEFF/, '').startsWith('---') || close === -1) throw new FrontmatterError('no frontmatter to edit', 1);
	const yaml = text.slice(open, open + close);
	const node = parseDocument(yaml).getIn(path, true);
	if (!isMap(node) || !node.range) throw new Error(`no mapping at ${path.join('.')} in the frontmatter`);
	if (node.flow) {
		// Before the closing brace, after the last entry: `{ a: 1 }` → `{ a: 1, key: value }`.
		const entries = yaml.slice(0, yaml.lastIndexOf('}', node.range[1])).trimEnd();
		return text.slice(0, open + entries.length) + `${entries.endsWith('{') ? '' : ','} ${key}: ${value}` + text.slice(open + entries.length);
	}
	const first = node.items[0]?.key;
	const indent = isNode(first) && first.range ? first.range[0] - yaml.lastIndexOf('\n', first.range[0]) - 1 : 0;
	const end = yaml.slice(0, node.range[1]).trimEnd().length;
	return text.slice(0, open + end) + `\n${' '.repeat(indent)}${key}: ${value}` + text.slice(open + end);
}
