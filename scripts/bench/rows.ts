/**
 * The rows of `npm run bench`: every figure is measured beside a baseline taken in the same run,
 * so that what compares across machines is the ratio. Each row holds its samples, their median
 * (and 95th percentile where the row asks for it), the baseline's, and the ratio of the medians
 * (or of the p95s, for a row judged at its p95).
 *
 * Adding a row: measure the thing and its baseline as arrays of samples in one of the sections
 * (scripts/bench/*.ts), then call `results.add({ id, what, size, unit, samples, baseline })`. The
 * id is the row's key in `.bench/results.json` (keep it stable: the README and other tools read
 * it); the printed table and the JSON pick the row up with nothing else to change.
 */

export interface Figure {
	/** Every sample, in the order taken. */
	samples: number[];
	median: number;
	p95: number;
}

export interface BenchRow {
	/** Stable key, e.g. `snapshot` or `build.handbook`. */
	id: string;
	/** What is measured, as the table says it. */
	what: string;
	/** How big the input was, e.g. "10,000,000 rows". */
	size: string;
	unit: 'ms' | 'KiB' | 'MiB';
	value: Figure;
	baseline?: { what: string; value: Figure };
	/** value ÷ baseline, of the medians (or of the p95s when `judged` is `p95`). */
	ratio?: number;
	/** Which statistic the row is judged by. */
	judged: 'median' | 'p95';
	/** Other figures of the row, e.g. rows per second or peak memory. */
	extra?: Record<string, number>;
	notes?: string;
}

export function figure(samples: number[]): Figure {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
	return { samples, median: round(sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2), p95: round(at(0.95)) };
}

const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Number(value.toFixed(2)));

export interface RowInput {
	id: string;
	what: string;
	size?: string;
	unit?: BenchRow['unit'];
	samples: number[];
	baseline?: { what: string; samples: number[] };
	judged?: 'median' | 'p95';
	extra?: Record<string, number>;
	notes?: string;
}

/** The rows of one run, in the order they were measured. */
export class Results {
	readonly rows: BenchRow[] = [];

	add(input: RowInput): BenchRow {
		const judged = input.judged ?? 'median';
		const value = figure(input.samples);
		const baseline = input.baseline ? { what: input.baseline.what, value: figure(input.baseline.samples) } : undefined;
		const ratio = baseline && baseline.value[judged] > 0 ? Number((value[judged] / baseline.value[judged]).toFixed(2)) : undefined;
		const row: BenchRow = {
			id: input.id,
			what: input.what,
			size: input.size ?? '',
			unit: input.unit ?? 'ms',
			value,
			...(baseline ? { baseline } : {}),
			...(ratio !== undefined ? { ratio } : {}),
			judged,
			...(input.extra ? { extra: input.extra } : {}),
			...(input.notes ? { notes: input.notes } : {}),
		};
		this.rows.push(row);
		console.log(`bench: ${row.what}: ${show(row.value, row)}${baseline ? ` against ${show(baseline.value, row)} (${row.ratio}×)` : ''}`);
		return row;
	}

	/** The rows as the README's Markdown table. */
	table(): string {
		const lines = ['| what | size | measured | baseline, same run | ratio |', '| --- | --- | --- | --- | --- |'];
		for (const row of this.rows) {
			const extra = Object.entries(row.extra ?? {}).map(([key, value]) => `${key} ${value.toLocaleString('en')}`);
			const measured = [show(row.value, row), ...extra].join('; ');
			const baseline = row.baseline ? `${row.baseline.what}: ${show(row.baseline.value, row)}` : '';
			lines.push(`| ${row.what} | ${row.size} | ${measured} | ${baseline} | ${row.ratio !== undefined ? `${row.ratio}×` : ''} |`);
		}
		return lines.join('\n');
	}
}

/** "54 ms (median of 10, p95 61 ms)". */
function show(value: Figure, row: BenchRow): string {
	const n = value.samples.length;
	const unit = ` ${row.unit}`;
	const main = `${(row.judged === 'p95' ? value.p95 : value.median).toLocaleString('en')}${unit}`;
	if (n === 1) return main;
	return row.judged === 'p95' ? `${main} p95 (median ${value.median.toLocaleString('en')}${unit}, ${n} samples)` : `${main} (median of ${n})`;
}
