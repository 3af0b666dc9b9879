/**
 * The one SQL builder for metric charts. Build time (DuckDB native) and the browser (DuckDB-WASM)
 * both call it, so both run the same statement; filter values are bound as parameters, never
 * pasted into the SQL.
 */
import { snakeIdPattern, snapshotRelationPattern } from '../../schemas/patterns.ts';
import { quoteIdentifier } from './quote.ts';
import type { QueryParam } from './rows.ts';

/** What a chart asks of a snapshot. */
export interface MetricQuery {
	/**
	 * The relation the pinned snapshot is registered as on both sides (`dataset@as_of`, see
	 * `snapshot/paths.ts`): one per pinned ref, never one per dataset.
	 */
	relation: string;
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
	/**
	 * With `by`: draw only the `top` series with the largest denominator over the slice (the biggest
	 * markets, vendors…) and sum the rest into one series named `others`, so that a chart of ten
	 * markets stays readable. Folding happens only when it saves a line: `top` + 1 series are all
	 * drawn. The reader sees every series with the filter `series: 'all'`, or one by filtering on `by`.
	 */
	top?: number;
	/** The name of the folded series, in the reader's language, e.g. "All others". */
	others?: string;
	/** Series that always keep a line of their own (within `top`), e.g. the market a review discusses. */
	keep?: string[];
}

/** The filter value that turns `top` off and draws every series. */
export const allSeries = 'all';

export interface BuiltQuery {
	sql: string;
	params: QueryParam[];
}

/** A column, quoted; column names follow the schemas' snake_case id grammar. */
function column(name: string): string {
	if (!snakeIdPattern.test(name)) throw new Error(`"${name}" is not a column name (expected a snake_case id such as "sessions")`);
	return quoteIdentifier(name);
}

/** A snapshot's relation (or, in tests, a plain table), quoted: `"bot_service_daily@2026-11-15"`. */
function relation(name: string): string {
	if (!snapshotRelationPattern.test(name)) throw new Error(`"${name}" is not a snapshot relation such as "bot_service_daily@2026-11-15"`);
	return quoteIdentifier(name);
}

/**
 * One row per period (and series): `period` as `YYYY-MM-DD`, `series`, the summed `numerator`
 * and `denominator`, and `value`, their ratio. Ratios are sums over the slice, never averages of
 * per-row ratios (docs/architecture.md, "Metrics").
 */
export function buildMetricQuery(query: MetricQuery, filters: Record<string, string | null> = {}): BuiltQuery {
	if (!['day', 'week', 'month'].includes(query.grain)) throw new Error(`"${query.grain}" is not a grain`);
	const numerator = measureExpression(query.numerator);
	const denominator = measureExpression(query.denominator);
	const period = `strftime(date_trunc('${query.grain}', ${column(query.time)}), '%Y-%m-%d')`;
	const { where, params } = whereOf(query, filters);
	const sums = [
		`  sum(${numerator})::DOUBLE AS numerator, sum(${denominator})::DOUBLE AS denominator,`,
		`  sum(${numerator})::DOUBLE / nullif(sum(${denominator}), 0) AS value`,
	];
	const from = [`FROM ${relation(query.relation)}`, where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''];
	if (!query.by || query.top === undefined) {
		const series = query.by ? column(query.by) : `'all'`;
		return { sql: lines([`SELECT ${period} AS period, ${series} AS series,`, ...sums, ...from, `GROUP BY ALL ORDER BY period, series`]), params };
	}
	// Series are ranked by their share of the slice (the sum of the denominator), biggest first,
	// after those the author keeps; the rank decides which keep their own line. Both bounds are
	// parameters, so that "every series" is the same statement with `top` bound to NULL. The
	// helper columns' names are prefixed so that they cannot shadow a dataset's own columns.
	params.push(filters.series === allSeries ? null : query.top, query.others ?? 'Others');
	const [top, others] = [params.length - 1, params.length];
	const kept = (query.keep ?? []).map((value) => `$${params.push(value)}::VARCHAR`);
	const first = kept.length > 0 ? `(${column(query.by)}::VARCHAR IN (${kept.join(', ')})) DESC, ` : '';
	return {
		sql: lines([
			`WITH slice AS (SELECT * ${from.join(' ')}),`,
			`ranked AS (SELECT ${column(query.by)} AS series_key, row_number() OVER (ORDER BY ${first}sum(${denominator}) DESC NULLS LAST, ${column(query.by)}) AS series_rank, count(*) OVER () AS series_count FROM slice GROUP BY ${column(query.by)})`,
			`SELECT ${period} AS period,`,
			`  CASE WHEN $${top}::INTEGER IS NULL OR series_count <= $${top}::INTEGER + 1 OR series_rank <= $${top}::INTEGER THEN ${column(query.by)}::VARCHAR ELSE $${others}::VARCHAR END AS series,`,
			...sums,
			`FROM slice JOIN ranked ON ${column(query.by)} IS NOT DISTINCT FROM series_key`,
			`GROUP BY ALL ORDER BY period, series`,
		]),
		params,
	};
}

const lines = (parts: string[]) => parts.filter(Boolean).join('\n');

/** The reader's filters and period range as conditions, their values bound as parameters. */
function whereOf(query: MetricQuery, filters: Record<string, string | null>): { where: string[]; params: QueryParam[] } {
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
	return { where, params };
}

/** The distinct values of a dimension, for a filter's options. */
export function buildDistinctQuery(snapshot: string, dimension: string): BuiltQuery {
	return {
		sql: `SELECT DISTINCT ${column(dimension)}::VARCHAR AS value FROM ${relation(snapshot)} ORDER BY value`,
		params: [],
	};
}

/** A metric over a date range, optionally broken down by dimensions: one row per combination. */
export function buildPeriodQuery(
	query: Pick<MetricQuery, 'relation' | 'numerator' | 'denominator' | 'time'>,
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
	const numerator = measureExpression(query.numerator);
	const denominator = measureExpression(query.denominator);
	const select = [...dimensions.map((d) => `${d}::VARCHAR AS ${d}`), `sum(${numerator})::DOUBLE AS numerator`, `sum(${denominator})::DOUBLE AS denominator`, `sum(${numerator})::DOUBLE / nullif(sum(${denominator}), 0) AS value`];
	return {
		sql: [
			`SELECT ${select.join(', ')}`,
			`FROM ${relation(query.relation)}`,
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

/**
 * The tokens a metric's numerator or denominator may hold: column names and the SQL words above,
 * numbers, string literals, arithmetic and comparison operators, parentheses and commas. No `;`,
 * no comment, no sub-query: an expression is spliced into SQL on both engines, so this grammar is
 * the wall, here in the builder where every query passes, not only in the validator.
 */
const expressionToken = /\s+|[A-Za-z_][A-Za-z0-9_]*|"[a-z][a-z0-9_]*"|\d+(?:\.\d+)?|'(?:[^'\\]|'')*'|<=|>=|<>|!=|[-+*\/%(),<>=]/y;

/** Functions a metric expression may call: arithmetic over one row's values, nothing that reads. */
const functions = new Set(['sum', 'count', 'avg', 'min', 'max', 'coalesce', 'nullif', 'greatest', 'least', 'abs', 'round', 'cast']);

/** What is wrong with a metric expression, or `undefined` when it keeps to the grammar. */
export function expressionProblem(expression: string): string | undefined {
	if (expression.trim() === '') return 'is empty';
	const comment = /--|\/\*/.exec(expression.replace(/'(?:[^']|'')*'/g, (text) => ' '.repeat(text.length)));
	if (comment) return `has a SQL comment ("${comment[0]}") at character ${comment.index + 1}; a metric expression is one formula`;
	expressionToken.lastIndex = 0;
	let depth = 0;
	while (expressionToken.lastIndex < expression.length) {
		const at = expressionToken.lastIndex;
		const token = expressionToken.exec(expression)?.[0];
		if (token === undefined) return `has "${expression.slice(at, at + 12)}" at character ${at + 1}, which a metric expression may not hold (column names, numbers, + - * / and SQL functions such as sum, coalesce, nullif)`;
		if (/^[A-Za-z_]/.test(token) && /^(select|from|union|join|with|into|copy|attach|install|load|pragma|set|call|create|drop|insert|update|delete|alter)$/i.test(token)) {
			return `uses "${token}", a statement word; a metric expression is a formula over one row's columns`;
		}
		if (/^[A-Za-z_]/.test(token) && /^\s*\(/.test(expression.slice(expressionToken.lastIndex)) && !functions.has(token.toLowerCase())) {
			return `calls "${token}", which is not one of the functions a metric may use (${[...functions].join(', ')})`;
		}
		if (token === '(') depth++;
		if (token === ')' && --depth < 0) return 'closes a parenthesis it never opened';
	}
	return depth === 0 ? undefined : 'leaves a parenthesis open';
}

/** `expression` as written, after checking it against the grammar; throws what is wrong. */
export function checkedExpression(expression: string): string {
	const problem = expressionProblem(expression);
	if (problem) throw new Error(`the metric expression "${expression}" ${problem}`);
	return expression;
}

/** `expression`, checked and parenthesised, to splice into arithmetic. */
export const measureExpression = (expression: string) => `(${checkedExpression(expression)})`;

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
