/**
 * Next week's review, written from the last one: the period moved on by one period, the snapshot
 * pinned to the one given (the newest, by default), the structure kept — tiles, charts, tables,
 * headings, definitions — and the commentary left to the owner as one placeholder, which the
 * validator refuses until it is written. Plain text in, text out: `npm run new-review` does the files.
 */
import { extractFrontmatter, replaceInFrontmatter } from '../content/frontmatter.ts';
import { parseYamlSource } from '../content/yaml.ts';
import { formatPeriod, type Period } from '../metrics/period.ts';
import { commentaryPlaceholder } from './series.ts';

const dayMs = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(day(date) + days * dayMs);

export type Grain = 'week' | 'month' | 'quarter';

/** The period after `period`, of the same grain: the next week, calendar month or quarter. */
export function nextPeriod(period: Period, grain: Grain): Period {
	if (grain === 'week') return { start: addDays(period.start, 7), end: addDays(period.end, 7) };
	const months = grain === 'month' ? 1 : 3;
	const start = new Date(day(addDays(period.end, 1)));
	const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
	return { start: iso(start.getTime()), end: iso(end.getTime()) };
}

export interface NextReview {
	period: Period;
	text: string;
}

/** The page after `text` (a review's MDX), pinned to `snapshot`. */
export function nextReview(text: string, snapshot: string): NextReview {
	const { yaml, body } = extractFrontmatter(text);
	const data = parseYamlSource(yaml).value as { period: Period & { grain: Grain }; effective?: unknown; review_by?: unknown; version?: unknown; id: string; title: string; description?: string };
	const old = { start: String(data.period.start), end: String(data.period.end) };
	const period = nextPeriod(old, data.period.grain);
	const replaceDates = (value: string) => value.replaceAll(formatPeriod(old), formatPeriod(period)).replaceAll(old.end, period.end).replaceAll(old.start, period.start);
	// The review is in force from the day after its period, and due again as long after as before.
	const effective = addDays(period.end, 1);
	const reviewBy = data.review_by && data.effective ? addDays(effective, Math.round((day(String(data.review_by)) - day(String(data.effective))) / dayMs)) : undefined;
	// Only the fields that move with the period change, each where it stands: the author's layout,
	// comments and quoting are the new page's too.
	const edited = replaceInFrontmatter(text, [
		{ path: ['period', 'start'], value: period.start },
		{ path: ['period', 'end'], value: period.end },
		{ path: ['title'], value: replaceDates },
		...(data.description ? [{ path: ['description'], value: replaceDates }] : []),
		{ path: ['id'], value: replaceDates },
		{ path: ['snapshot'], value: snapshot },
		...(data.version === undefined ? [] : [{ path: ['version'], value: '1.0.0' }]),
		...(data.effective === undefined ? [] : [{ path: ['effective'], value: effective }]),
		...(reviewBy ? [{ path: ['review_by'], value: reviewBy }] : []),
	]);
	const frontmatterEnd = edited.length - body.length;
	return { period, text: `${edited.slice(0, frontmatterEnd)}${commentaryFree(body)}` };
}

/**
 * The body with its prose taken out: imports, components, headings and blank lines stay, every
 * paragraph of prose goes, and one placeholder stands after the first block of components.
 */
function commentaryFree(body: string): string {
	const blocks = body.split(/\n{2,}/);
	const kept: string[] = [];
	let placed = false;
	for (const block of blocks) {
		const trimmed = block.trim();
		const structural = trimmed === '' || /^(import\s|#{1,6}\s|<[A-Z])/.test(trimmed);
		if (structural) {
			kept.push(block.replace(/\n+$/, ''));
			if (!placed && /^<[A-Z]/.test(trimmed)) {
				kept.push(`${commentaryPlaceholder}: what moved this week, and why. Give every figure with \`<Value metric="…" />\`.`);
				placed = true;
			}
		}
	}
	if (!placed) kept.push(`${commentaryPlaceholder}: what moved this week, and why.`);
	return `${kept.join('\n\n').trimEnd()}\n`;
}
