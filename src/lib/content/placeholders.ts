/**
 * The placeholder grammar of reply texts: `{{name}}`, a snake_case name between double braces and
 * nothing else inside. The validator, the reply-script component and the word diff all read texts
 * through here, so a text means the same to each of them.
 */
import { snake } from '../../schemas/patterns.ts';

/** A well-formed placeholder; group 1 is its name, a snake_case id as the schemas define it. */
const placeholder = new RegExp(`\\{\\{(${snake})\\}\\}`, 'g');

/** A piece of a reply text: words as written, or a placeholder with its name. */
export interface TextPart {
	text: string;
	/** The placeholder's name, when this part is one. */
	placeholder?: string;
}

/** The text cut into its literal words and its placeholders, in order. */
export function splitPlaceholders(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(placeholder)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: match[0], placeholder: match[1]! });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

/** The placeholder names a text uses, in order of first use. */
export function usedPlaceholders(text: string): string[] {
	return [...new Set(splitPlaceholders(text).flatMap((part) => part.placeholder ?? []))];
}

/** The first brace that is not part of a well-formed placeholder, with a little context around it. */
export function strayBrace(text: string): { index: number; context: string } | undefined {
	let offset = 0;
	for (const part of splitPlaceholders(text)) {
		const at = part.placeholder === undefined ? part.text.search(/[{}]/) : -1;
		if (at !== -1) {
			const index = offset + at;
			return { index, context: text.slice(Math.max(0, index - 12), index + 12) };
		}
		offset += part.text.length;
	}
	return undefined;
}
