/**
 * Text into HTML, written once. Most markup is rendered by Astro, which escapes every expression;
 * these are for the few places that build markup as a string (the flow's SVG, a chart's data
 * table, an archive banner) and for messages that mark code with backticks.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside an element or a quoted attribute value: `score < 3 & "x"` stays text. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** One run of a message: plain text, or a name that was in backticks and is shown as code. */
export interface MessagePart {
	text: string;
	code: boolean;
}

/**
 * Splits a message such as ``label `gift_fraud` renamed to `gift_abuse` `` into text and code
 * runs, for a component to render each as text (never as HTML). An unpaired backtick stays text.
 */
export function codeSpans(message: string): MessagePart[] {
	const parts: MessagePart[] = [];
	let rest = message;
	for (let match = /`([^`]+)`/.exec(rest); match; match = /`([^`]+)`/.exec(rest)) {
		if (match.index > 0) parts.push({ text: rest.slice(0, match.index), code: false });
		parts.push({ text: match[1]!, code: true });
		rest = rest.slice(match.index + match[0].length);
	}
	if (rest) parts.push({ text: rest, code: false });
	return parts;
}
