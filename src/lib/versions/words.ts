/** A word-level diff of two texts, for reply-script variants and definitions. */

export type WordChange = { kind: 'same' | 'added' | 'removed'; text: string };

/** Longest-common-subsequence diff over words (texts here are a few hundred words at most). */
export function wordDiff(before: string, after: string): WordChange[] {
	// Placeholders, words, runs of white space and punctuation are tokens of their own, so that
	// "{{name}}," and "{{name}}" share their placeholder.
	const tokens = (text: string) => text.match(/\{\{[^{}]*\}\}|[\p{L}\p{N}_'’-]+|\s+|./gu) ?? [];
	const a = tokens(before);
	const b = tokens(after);
	const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const out: WordChange[] = [];
	const push = (kind: WordChange['kind'], text: string) => {
		const last = out.at(-1);
		if (last?.kind === kind) last.text += text;
		else out.push({ kind, text });
	};
	let [i, j] = [0, 0];
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			push('same', a[i]!);
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
		else push('added', b[j++]!);
	}
	while (i < a.length) push('removed', a[i++]!);
	while (j < b.length) push('added', b[j++]!);
	return out;
}
