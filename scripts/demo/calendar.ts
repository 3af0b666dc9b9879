/** Calendar helpers for the demo generators: Mondays, ISO days, and changelog dates of a spec. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseContent, problemLine } from '../../src/lib/content/load.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import type { ChangelogEntry } from '../../src/schemas/common.ts';

const dayMs = 86_400_000;

/** The `count` Mondays ending with the Monday on or before `end`, oldest first, as YYYY-MM-DD. */
export function mondays(end: string, count: number): string[] {
	const last = Date.parse(`${end}T00:00:00Z`);
	const monday = last - ((new Date(last).getUTCDay() + 6) % 7) * dayMs;
	return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * dayMs).toISOString().slice(0, 10));
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export const weeksBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / (7 * dayMs));

/**
 * The changelog of a page of the demo handbook, so that the data tells the story the specs do:
 * a vendor drifts after a spec's major version, on the dates the spec's changelog gives.
 */
export function changelogOf(page: string): ChangelogEntry[] {
	const file = path.resolve(import.meta.dirname, '../../src/content/docs', page);
	// Read as the validator reads it, so the demo's story follows the changelog the site shows.
	const { parsed, problems } = parseContent(readFileSync(file, 'utf8'), pageSchema, { frontmatter: true });
	if (!parsed) throw new Error(`demo: src/content/docs/${page} is not a valid page: ${problems.map((problem) => problemLine(`src/content/docs/${page}`, problem)).join('; ')} (run npm run check)`);
	return (parsed.data as { changelog?: ChangelogEntry[] }).changelog ?? [];
}
