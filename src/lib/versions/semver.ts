/** Semantic versions of documents: comparing them and naming the size of a step between them. */

export type Bump = 'major' | 'minor' | 'patch';

const parts = (version: string) => version.split('.').map(Number) as [number, number, number];

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b`. */
export function compareVersions(a: string, b: string): number {
	const [x, y] = [parts(a), parts(b)];
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The size of the step from `from` to `to`, or undefined when `to` is not higher. */
export function bumpBetween(from: string, to: string): Bump | undefined {
	if (compareVersions(to, from) <= 0) return undefined;
	const [x, y] = [parts(from), parts(to)];
	return y[0] > x[0] ? 'major' : y[1] > x[1] ? 'minor' : 'patch';
}

export const bumpRank: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/** The version a bump of `kind` leads to from `version`. */
export function bumped(version: string, kind: Bump): string {
	const [major, minor, patch] = parts(version);
	return kind === 'major' ? `${major + 1}.0.0` : kind === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}
