/**
 * YAML parsed with its positions, so that a schema error at `labels[1].id` points at the line and
 * column where that value is written.
 *
 * The positions are needed only for a problem, which most files do not have, and parsing them is
 * slow: the value comes from js-yaml (YAML 1.2 core schema, as `yaml` resolves it), and `yaml`'s
 * document, with its nodes' places, is built only when a place is asked for or js-yaml refuses the
 * text (its error text is then `yaml`'s, as before). On the 1,011 YAML texts of the bench's
 * 1,000-page handbook that is 0.56 s instead of 4.9 s, with equal values for every file.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isNode, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlSource {
	value: unknown;
	/** Syntax errors, already at their file position. */
	errors: { line: number; column: number; message: string }[];
	/**
	 * The file position of the deepest node that exists along `path`; with `key`, of the last key of
	 * `path` itself rather than its value (a problem with an entry's name, such as an old address).
	 */
	locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; column: number; found: unknown; exists: boolean };
}

export function parseYamlSource(text: string, firstLine = 1): YamlSource {
	let value: unknown;
	try {
		// Duplicate keys throw here as `uniqueKeys` makes them errors below; an empty text is null in both.
		value = load(text, { schema: CORE_SCHEMA }) ?? null;
	} catch {
		return documentSource(text, firstLine);
	}
	let document: YamlSource | undefined;
	return { value, errors: [], locate: (path, options) => (document ??= documentSource(text, firstLine)).locate(path, options) };
}

/** The text parsed by `yaml` into a document whose nodes know their places. */
function documentSource(text: string, firstLine: number): YamlSource {
	const lineCounter = new LineCounter();
	const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const position = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + firstLine - 1, column: col };
	};
	const errors = document.errors.map((error) => ({
		...position(error.pos[0]),
		message: `YAML syntax error: ${error.message.split('\n')[0]}`,
	}));
	return {
		value: errors.length > 0 ? undefined : document.toJS(),
		errors,
		locate(path, options = {}) {
			let node: Node | null | undefined = document.contents as Node | null;
			let last: Node | null | undefined = node;
			let exists = true;
			for (const [i, key] of path.entries()) {
				let next: unknown;
				if (isMap(node)) {
					const pair = node.items.find((item) => (isNode(item.key) ? (item.key as { value?: unknown }).value : item.key) === key);
					next = pair?.value;
					if (pair && isNode(pair.key) && options.key && i === path.length - 1) {
						last = pair.key as Node;
						node = next as Node;
						break;
					}
					// A key present with no value (`id:`) still has a place: point at the key.
					if (pair && !isNode(next) && isNode(pair.key)) last = pair.key as Node;
				} else if (isSeq(node) && typeof key === 'number') {
					next = node.items[key];
				}
				if (!isNode(next)) {
					exists = false;
					break;
				}
				node = next;
				last = node;
			}
			const offset = last?.range?.[0] ?? 0;
			return { ...position(offset), found: exists && isNode(node) ? node.toJSON() : undefined, exists };
		},
	};
}
