/**
 * Splits an MDX or Markdown file into its YAML frontmatter and body, keeping the lines where each
 * starts so that positions inside them map back to the file; and edits a frontmatter in place.
 */
import { isMap, isNode, isScalar, parse, parseDocument, Scalar } from 'yaml';

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

/** One value of a frontmatter to replace: by a new value, or by a rewrite of its source text. */
export interface FrontmatterReplacement {
	path: readonly (string | number)[];
	value: string | ((source: string) => string);
}

/**
 * Where the YAML of `text`'s frontmatter stands, for the editors below, which change it in place:
 * `open`, the offset of its first character; `yaml`, the text up to the closing `---`.
 */
function frontmatterSpan(text: string): { open: number; yaml: string } {
	const open = text.indexOf('\n') + 1;
	const close = text.slice(open).search(/^---\s*$/m);
	if (!text.replace(/^\uFEFF/, '').startsWith('---') || close === -1) throw new FrontmatterError('no frontmatter to edit', 1);
	return { open, yaml: text.slice(open, open + close) };
}

/**
 * The page `text` with the scalar values at the given paths replaced where they stand, and not one
 * other character changed: comments, spacing, flow or block style, quoting and line breaks stay as
 * the author wrote them (a YAML round trip would rewrap folded text and respace `{a: 1}`). A new
 * value keeps the quoting of the one it replaces; a rewrite (`(source) => …`) edits the source
 * text of the value itself, which suits a date inside a title of any style.
 */
export function replaceInFrontmatter(text: string, replacements: readonly FrontmatterReplacement[]): string {
	const { open, yaml } = frontmatterSpan(text);
	const document = parseDocument(yaml);
	const splices = replacements.map(({ path, value }) => {
		const node = document.getIn(path, true);
		if (!isScalar(node) || !node.range) throw new Error(`no value at ${path.join('.')} in the frontmatter`);
		const [start, end] = node.range;
		const source = yaml.slice(start, end);
		return { start, end, text: typeof value === 'function' ? value(source) : quoted(value, node.type) };
	});
	let edited = yaml;
	for (const { start, end, text: replacement } of splices.sort((a, b) => b.start - a.start)) edited = edited.slice(0, start) + replacement + edited.slice(end);
	return text.slice(0, open) + edited + text.slice(open + yaml.length);
}

/** `value` as the YAML source of a block-level value: plain where it reads back as itself, else quoted. */
export const yamlString = (value: string): string => quoted(value, Scalar.PLAIN);

/** `value` as YAML source in the style of the scalar it replaces; plain only where it reads back as itself. */
function quoted(value: string, type: Scalar['type']): string {
	if (type === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
	const plain = type === Scalar.PLAIN && !/[\n#]|: |^[\s'"]|\s$/.test(value) && parse(value) === value;
	return plain ? value : JSON.stringify(value);
}

/**
 * The page `text` with `key: value` added to the mapping at `path` of its frontmatter — at the end
 * of a block mapping on a line of its own, or before the closing brace of a flow one — and not one
 * other character changed, so that the diff a reviewer reads is the addition alone.
 */
export function addToFrontmatter(text: string, path: readonly (string | number)[], key: string, value: string): string {
	const { open, yaml } = frontmatterSpan(text);
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

/**
 * The page `text` with the top-level `key` set to `value` (YAML source of one line, such as
 * `{ hidden: true }`): the old value replaced where it stands, or the key added at the end, and
 * not one other character changed. For copies made by tools (archives), whose diff must show
 * only what the tool added.
 */
export function setInFrontmatter(text: string, key: string, value: string): string {
	const { open, yaml } = frontmatterSpan(text);
	const root = parseDocument(yaml).contents;
	if (!isMap(root)) throw new Error('the frontmatter is not a mapping');
	const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
	if (!pair) return addToFrontmatter(text, [], key, value);
	const [keyEnd, valueEnd] = [(pair.key as Scalar).range![1], isNode(pair.value) ? yaml.slice(0, pair.value.range![1]).trimEnd().length : (pair.key as Scalar).range![1] + 1];
	// From just after the key (its colon, and a block value's line break) to the end of the value.
	return text.slice(0, open + keyEnd) + `: ${value}` + text.slice(open + valueEnd);
}
