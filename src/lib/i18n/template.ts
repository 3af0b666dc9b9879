/**
 * UI strings are templates: `{{name}}` is a value filled in, and `<link>…</link>` marks the words
 * that link somewhere, so that each language places the link where its word order wants it. Plain
 * functions, used at build time and by the browser scripts alike.
 */

/** A value's slot, `{{name}}`; group 1 is the name. */
const slot = /\{\{(\w+)\}\}/g;
/** The `<link>…</link>` words; group 1 is the words. */
const link = /<link>(.*?)<\/link>/s;

/** The `{{name}}` slots a template has, each once, sorted: what every language's string must keep. */
export const templateSlots = (template: string): string[] => [...new Set([...template.matchAll(slot)].map((match) => match[0]))].sort();

/** Whether a template marks words as a link with `<link>…</link>`. */
export const hasLink = (template: string) => link.test(template);

/** Fills `{{name}}` with `values[name]`; a name without a value is left as written. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
	return template.replace(slot, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Splits a string at its `<link>…</link>`: the text before, the linked words, the text after. */
export function linkParts(text: string): [before: string, link: string, after: string] {
	const match = link.exec(text);
	if (!match) return [text, '', ''];
	return [text.slice(0, match.index), match[1]!, text.slice(match.index + match[0].length)];
}

/**
 * A filled template as DOM content: `{{name}}` may be given nodes (a link, a list of links), which
 * are placed where the template puts them. For the browser scripts.
 */
export function fillNodes(template: string, values: Record<string, string | number | Node | (string | Node)[]>): (string | Node)[] {
	// split() with a group alternates text (even indexes) and slot names (odd ones).
	return template.split(slot).flatMap((part, i): (string | Node)[] => {
		if (i % 2 === 0) return part === '' ? [] : [part];
		if (!(part in values)) return [`{{${part}}}`];
		const value = values[part]!;
		return Array.isArray(value) ? value : typeof value === 'object' ? [value] : [String(value)];
	});
}

/** A filled template as DOM content, its `<link>…</link>` words a link to `href`. For the browser scripts. */
export function fillWithLink(template: string, values: Record<string, string | number>, href: string): (string | Node)[] {
	const [before, words, after] = linkParts(template);
	const link = document.createElement('a');
	link.href = href;
	link.textContent = fill(words, values);
	return [...fillNodes(before, values), link, ...fillNodes(after, values)];
}

/** A filled template as DOM content, its `<link>…</link>` words a link to `href` when there is one. For the browser scripts. */
export function fillLinked(template: string, values: Record<string, string | number>, href: string | undefined): (string | Node)[] {
	return href === undefined ? [fill(template.replace(/<\/?link>/g, ''), values)] : fillWithLink(template, values, href);
}
