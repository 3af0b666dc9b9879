/**
 * The one SQL builder for metric charts. Build time (DuckDB native) and the browser (DuckDB-WASM)
 * both call it, so both run the same statement; filter values are bound as parameters, never
 * pasted into the SQL.
 */
import type { QueryParam } from './rows.ts';

/** What a chart asks of a dataset. */
export interface MetricQuery {
	/** Dataset id; the snapshot is registered under this name on both sides. */
	dataset: string;
	/** SQL over one row's measures, summed over the slice, e.g. `escalated_to_agent`. */
	numerator: string;
	/** SQL over one row's measures, summed over the slice, e.g. `sessions`. */
	denominator: string;
	/** The time column, e.g. `date`. */
	time: string;
	/** The period each point covers. */
	grain: 'day' | 'week' | 'month';
	/** The dimension that splits the chart into series; none draws a single line. */
	by?: string;
	/** Dimensions the reader may filter on, in the order of their parameters. */
	filters?: string[];
	/** Whether the reader may narrow the periods shown, with `from` and `to` (first days of periods). */
	range?: boolean;
}

export interface BuiltQuery {
	sql: string;
	params: QueryParam[];
}

const identifier = /^[a-z][a-z0-9_]*$/;

function column(name: string): string {
	if (!identifier.test(name)) throw new Error(`"${name}" is not a column name`);
	return `"${name}"`;
}

/**
 * One row per period (and series): `period` as `YYYY-MM-DD`, `series`, the summed `numerator`
 * and `denominator`, and `value`, their ratio. Ratios are sums over the slice, never averages of
 * per-row ratios (DOMAIN.md).
 */
export function buildMetricQuery(query: MetricQuery, filters: Record<string, string | null> = {}): BuiltQuery {
	if (!['day', 'week', 'month'].includes(query.grain)) throw new Error(`"${query.grain}" is not a grain`);
	const period = `strftime(date_trunc('${query.grain}', ${column(query.time)}), '%Y-%m-%d')`;
	const series = query.by ? column(query.by) : `'all'`;
	const params: QueryParam[] = [];
	const where = (query.filters ?? []).map((dimension) => {
		params.push(filters[dimension] ?? null);
		const n = params.length;
		return `($${n}::VARCHAR IS NULL OR ${column(dimension)} = $${n}::VARCHAR)`;
	});
	if (query.range) {
		for (const [bound, operator] of [['from', '>='], ['to', '<=']] as const) {
			params.push(filters[bound] ?? null);
			const n = params.length;
			where.push(`($${n}::DATE IS NULL OR date_trunc('${query.grain}', ${column(query.time)}) ${operator} $${n}::DATE)`);
		}
	}
	const sql = [
		`SELECT ${period} AS period, ${series} AS series,`,
		`  sum(${query.numerator})::DOUBLE AS numerator, sum(${query.denominator})::DOUBLE AS denominator,`,
		`  sum(${query.numerator})::DOUBLE / nullif(sum(${query.denominator}), 0) AS value`,
		`FROM ${column(query.dataset)}`,
		where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
		`GROUP BY ALL ORDER BY period, series`,
	]
		.filter(Boolean)
		.join('\n');
	return { sql, params };
}

/** The distinct values of a dimension, for a filter's options. */
export function buildDistinctQuery(dataset: string, dimension: string): BuiltQuery {
	return {
		sql: `SELECT DISTINCT ${column(dimension)}::VARCHAR AS value FROM ${column(dataset)} ORDER BY value`,
		params: [],
	};
}

/** A metric over a date range, optionally broken down by dimensions: one row per combination. */
export function buildPeriodQuery(
	query: Pick<MetricQuery, 'dataset' | 'numerator' | 'denominator' | 'time'>,
	period: { start: string; end: string },
	by: string[] = [],
	filter: Record<string, string> = {},
): BuiltQuery {
	const dimensions = by.map(column);
	const params: QueryParam[] = [period.start, period.end];
	const where = [`${column(query.time)} BETWEEN $1::DATE AND $2::DATE`];
	for (const [dimension, value] of Object.entries(filter)) {
		params.push(value);
		where.push(`${column(dimension)} = $${params.length}::VARCHAR`);
	}
	const select = [...dimensions.map((d) => `${d}::VARCHAR AS ${d}`), `sum(${query.numerator})::DOUBLE AS numerator`, `sum(${query.denominator})::DOUBLE AS denominator`, `sum(${query.numerator})::DOUBLE / nullif(sum(${query.denominator}), 0) AS value`];
	return {
		sql: [
			`SELECT ${select.join(', ')}`,
			`FROM ${column(query.dataset)}`,
			`WHERE ${where.join(' AND ')}`,
			dimensions.length > 0 ? `GROUP BY ALL ORDER BY ${dimensions.join(', ')}` : '',
		]
			.filter(Boolean)
			.join('\n'),
		params,
	};
}

/** SQL words a metric expression may use besides column names. */
const sqlWords = new Set(
	'sum count avg min max coalesce nullif greatest least abs round case when then else end and or not null is as cast double bigint integer float distinct filter where in between true false'.split(' '),
);

/** The identifiers of a SQL expression that are not SQL words, numbers or strings. */
export function columnsOf(expression: string): string[] {
	const withoutStrings = expression.replace(/'(?:[^']|'')*'/g, ' ');
	return [...new Set([...withoutStrings.matchAll(/"([^"]+)"|\b([A-Za-z_][A-Za-z0-9_]*)\b/g)].map((m) => m[1] ?? m[2]!))].filter(
		(word) => !sqlWords.has(word.toLowerCase()),
	);
}

/** Every column a metric query reads, so the browser decodes only those from the snapshot. */
export function columnsOfQuery(query: MetricQuery): string[] {
	return [...new Set([query.time, ...(query.by ? [query.by] : []), ...(query.filters ?? []), ...columnsOf(query.numerator), ...columnsOf(query.denominator)])];
}
