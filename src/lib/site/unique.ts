/** Ids unique within a build, for elements that a component may render several times on a page. */
let count = 0;

export function uniqueId(prefix: string): string {
	count += 1;
	return `${prefix}-${count}`;
}
