/**
 * Answers a chart's filters from its prepared aggregates (`prepared.ts`), with the same rows the
 * chart's SQL (`query/metric-sql.ts`) returns on either engine: the same slice, the same period
 * range, the same ranking and folding of series into "others", the same ratio of sums, the same
 * order. Unit tests hold the two side by side on DuckDB native for every filter and range.
 */
import { allSeries, type MetricQuery } from '../query/metric-sql.ts';
import type { Row } from '../query/rows.ts';
import { decodeCells, type Cell, type PreparedCells, type PreparedChartData } from './prepared.ts';

/**
 * Strings in DuckDB's order for VARCHAR (bytes of UTF-8, which is the order of code points), with
 * NULL last as DuckDB sorts it by default.
 */
export function compareSql(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	const x = [...a];
	const y = [...b];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/** SQL's `sum` over values of which some may be NULL: NULL only when all are. */
const addSql = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/** The prepared slice for the reader's declared filters, or undefined when none was prepared for them. */
function sliceFor(data: PreparedChartData, query: MetricQuery, filters: Record<string, string | null>): Cell[] | undefined {
	const active = (query.filters ?? []).filter((dimension) => filters[dimension] != null);
	// A filter on the split's own dimension keeps one series: any prepared slice answers it.
	const others = active.filter((dimension) => dimension !== query.by);
	if (others.length > 1) return undefined;
	let cells: PreparedCells | undefined = data.all;
	if (others.length === 1) cells = data.filters[others[0]!]?.[filters[others[0]!]!];
	if (!cells) return undefined;
	let rows = decodeCells(data, cells);
	if (query.by && active.includes(query.by)) rows = rows.filter((row) => row.series === filters[query.by!]);
	return rows;
}

/** Ranks the slice's series and names each row's series as the SQL's top-N fold does. */
function fold(rows: Cell[], query: MetricQuery, everySeries: boolean): Cell[] {
	if (!query.by || query.top === undefined || everySeries) return rows;
	const size = new Map<string | null, number | null>();
	for (const row of rows) size.set(row.series, addSql(size.has(row.series) ? size.get(row.series)! : null, row.denominator));
	const keep = query.keep ?? [];
	// ORDER BY (series IN keep) DESC, sum(denominator) DESC NULLS LAST, series — NULLs last throughout.
	const kept = (series: string | null) => (series === null ? 2 : keep.includes(series) ? 0 : 1);
	const ranked = [...size.keys()].sort((a, b) => {
		const sa = size.get(a)!;
		const sb = size.get(b)!;
		return kept(a) - kept(b) || (sa === sb ? 0 : sa === null ? 1 : sb === null ? -1 : sb - sa) || compareSql(a, b);
	});
	if (ranked.length <= query.top + 1) return rows;
	const shown = new Set(ranked.slice(0, query.top));
	const others = query.others ?? 'Others';
	return rows.map((row) => (shown.has(row.series) ? row : { ...row, series: others }));
}

/**
 * The chart's rows for `filters` (declared dimensions, `from`, `to`, `series`), or undefined when
 * the build did not prepare that combination and only the engine can answer it.
 */
export function answerFromPrepared(data: PreparedChartData, query: MetricQuery, filters: Record<string, string | null>): Row[] | undefined {
	let rows = sliceFor(data, query, filters);
	if (!rows) return undefined;
	const from = query.range ? filters.from : null;
	const to = query.range ? filters.to : null;
	if (from || to) rows = rows.filter((row) => (!from || row.period >= from) && (!to || row.period <= to));
	const groups = new Map<string, Cell>();
	for (const row of fold(rows, query, filters.series === allSeries)) {
		const key = JSON.stringify([row.period, row.series]);
		const group = groups.get(key);
		if (group) {
			group.numerator = addSql(group.numerator, row.numerator);
			group.denominator = addSql(group.denominator, row.denominator);
		} else groups.set(key, { ...row });
	}
	return [...groups.values()]
		.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : compareSql(a.series, b.series)))
		.map((row) => ({
			period: row.period,
			series: row.series,
			numerator: row.numerator,
			denominator: row.denominator,
			// sum(numerator) / nullif(sum(denominator), 0)
			value: row.numerator === null || row.denominator === null || row.denominator === 0 ? null : row.numerator / row.denominator,
		}));
}
