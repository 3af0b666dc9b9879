/** Edit distance between two short strings (ids), for "did you mean" hints. */
function distance(a: string, b: string): number {
	const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0]!;
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j]!;
			previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return previous[b.length]!;
}

/**
 * `; did you mean "x"?` when one known id is close to the unknown one, otherwise the list of
 * known ids (up to eight), so the author sees what is allowed.
 */
export function hint(unknown: string, known: Iterable<string>): string {
	const candidates = [...new Set(known)].sort();
	if (candidates.length === 0) return '';
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const d = distance(unknown, candidate);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	if (best !== undefined && bestDistance <= Math.max(2, Math.floor(unknown.length / 4))) return `; did you mean "${best}"?`;
	const shown = candidates.slice(0, 8).join(', ');
	return ` (known: ${shown}${candidates.length > 8 ? `, … ${candidates.length - 8} more` : ''})`;
}

/** Indexes of entries whose key was already seen, with the index of its first occurrence. */
export function duplicates<T>(items: readonly T[], key: (item: T) => string): { index: number; first: number }[] {
	const seen = new Map<string, number>();
	const out: { index: number; first: number }[] = [];
	items.forEach((item, index) => {
		const k = key(item);
		const first = seen.get(k);
		if (first === undefined) seen.set(k, index);
		else out.push({ index, first });
	});
	return out;
}
