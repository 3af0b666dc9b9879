/**
 * Turns Zod issues into messages for people: what was expected, what was found, and where. The
 * found value is read from the YAML itself, so it shows as the author wrote it.
 */
import type { z } from 'astro/zod';
import type { YamlSource } from './yaml.ts';

export interface LocatedIssue {
	path: PropertyKey[];
	line: number;
	column: number;
	message: string;
}

/** Describes a YAML value briefly: `"live"`, `42`, `a list of 3 items`, `a mapping`. */
export function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'an empty value';
	if (typeof value === 'string') return JSON.stringify(value.length > 48 ? `${value.slice(0, 45)}...` : value);
	if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
	if (typeof value === 'object') return 'a mapping';
	return String(value);
}

function expectation(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${issue.expected}`;
		case 'invalid_value':
			return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}`;
		case 'too_small':
			return issue.origin === 'array'
				? `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
				: issue.origin === 'string'
					? 'expected a non-empty text'
					: `expected at least ${issue.minimum}`;
		case 'too_big':
			return issue.origin === 'array' ? `expected at most ${issue.maximum} items` : `expected at most ${issue.maximum}`;
		default:
			return issue.message;
	}
}

export function locateIssues(error: z.ZodError, source: YamlSource): LocatedIssue[] {
	return error.issues.map((issue) => {
		const path = issue.path as PropertyKey[];
		const place = source.locate(path);
		let message: string;
		if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
			const options = (issue as unknown as { options: unknown[] }).options.filter((option) => typeof option === 'string');
			message = `unknown ${String(issue.discriminator)} ${describe(place.found)}: expected one of ${options.join(', ')}`;
		} else if (issue.code === 'custom') {
			// Our own refinements say the whole of it.
			message = issue.message;
		} else if (!place.exists) {
			message = `is required but missing (${expectation(issue)})`;
		} else if (issue.code === 'too_small' && issue.origin === 'array' && Array.isArray(place.found)) {
			message = `${expectation(issue)}, found ${place.found.length}`;
		} else {
			message = `${expectation(issue)}, found ${describe(place.found)}`;
		}
		return { path, line: place.line, column: place.column, message };
	});
}

/** `labels[1].examples` from `['labels', 1, 'examples']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
		.join('');
}
