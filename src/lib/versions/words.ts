/**
 * A word-level diff of two texts (reply-script variants, definitions), for people: the library's
 * diff over words, then the changes regrouped into phrases — what was deleted, then what was
 * inserted — so that "charged back" → "later charged" reads as one replacement, not as words
 * glued together in turn.
 */
import { diffArrays } from 'diff';
import { splitPlaceholders } from '../content/placeholders.ts';

export type WordChange = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * Tokens are words (as the locale's word segmenter finds them, so Chinese is cut into words too),
 * runs of space, punctuation, and whole placeholders, so that `{{name}},` and `{{name}}` share
 * their placeholder.
 */
function tokens(text: string, segmenter: Intl.Segmenter): string[] {
	return splitPlaceholders(text).flatMap((part) => (part.placeholder ? [part.text] : [...segmenter.segment(part.text)].map((segment) => segment.segment)));
}

/**
 * What a reader sees unchanged between two changes and still reads as part of one phrase: space,
 * punctuation, or a single short word ("or", "your"), which alone between two edits only makes
 * both harder to read. A placeholder is never swallowed: it anchors the reader.
 */
const joins = (text: string, segmenter: Intl.Segmenter) =>
	text.length <= 10 && !splitPlaceholders(text).some((part) => part.placeholder) && [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length <= 1;

export function wordDiff(before: string, after: string, locale = 'en'): WordChange[] {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
	const parts = diffArrays(tokens(before, segmenter), tokens(after, segmenter)).map((part): WordChange => ({
		kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
		text: part.value.join(''),
	}));
	const out: WordChange[] = [];
	let removed = '';
	let added = '';
	const same = (text: string) => {
		if (!text) return;
		const last = out.at(-1);
		if (last?.kind === 'same') last.text += text;
		else out.push({ kind: 'same', text });
	};
	const flush = () => {
		// Space both sides of a replacement share stays outside it: "missing[ or returned]" reads as "missing [or returned]".
		const lead = removed && added ? (/^\s*/.exec(removed)![0].length <= /^\s*/.exec(added)![0].length ? /^\s*/.exec(removed)![0] : /^\s*/.exec(added)![0]) : '';
		const trail = removed && added ? [/\s*$/.exec(removed)![0], /\s*$/.exec(added)![0]].sort((x, y) => x.length - y.length)[0]! : '';
		same(lead);
		if (removed) out.push({ kind: 'removed', text: removed.slice(lead.length, removed.length - trail.length) });
		if (added) out.push({ kind: 'added', text: added.slice(lead.length, added.length - trail.length) });
		same(trail);
		[removed, added] = ['', ''];
	};
	parts.forEach((part, i) => {
		if (part.kind === 'removed') removed += part.text;
		else if (part.kind === 'added') added += part.text;
		// A space, a comma or one short word between two changes belongs to the phrase on both sides.
		else if ((removed || added) && joins(part.text, segmenter) && parts[i + 1] && parts[i + 1]!.kind !== 'same') {
			removed += part.text;
			added += part.text;
		} else {
			flush();
			same(part.text);
		}
	});
	flush();
	return out;
}
