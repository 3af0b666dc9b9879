/**
 * Prepared aggregates answer a chart's filters with exactly the rows its SQL returns: every filter
 * value, the split's own filter beside another, period ranges, the top-N fold and "every series",
 * held against DuckDB native on the demo snapshots and on a table built to trip the edge cases
 * (missing values, zero denominators, ties, a NULL series, names outside ASCII).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerFromPrepared, compareSql } from '../../src/lib/charts/answer.ts';
import { parsePrepared, type PreparedChartData } from '../../src/lib/charts/prepared.ts';
import { buildDistinctQuery, buildMetricQuery, type MetricQuery } from '../../src/lib/query/metric-sql.ts';
import type { Row } from '../../src/lib/query/rows.ts';
import { execute, query, registerSnapshot } from '../../src/lib/query/server.ts';
import { prepareChartData } from '../../src/lib/site/prepared-chart.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function options(q: MetricQuery): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const dimension of q.filters ?? []) out[dimension] = (await query(buildDistinctQuery(q.relation, dimension).sql)).map((row) => String(row.value));
	return out;
}

async function native(q: MetricQuery, filters: Record<string, string | null>): Promise<Row[]> {
	const built = buildMetricQuery(q, filters);
	return query(built.sql, built.params);
}

/** Rows equal to the engine's: same keys, order and text; numbers to 12 significant digits. */
function expectSameRows(actual: Row[] | undefined, expected: Row[], label: string) {
	expect(actual, label).toBeDefined();
	const round = (rows: Row[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v])));
	expect(round(actual!), label).toEqual(round(expected));
}

/** Every view the chart's controls offer: no filter, each value of each filter, the split beside another, ranges, every series. */
function views(q: MetricQuery, opts: Record<string, string[]>, periods: string[]): Record<string, string | null>[] {
	const out: Record<string, string | null>[] = [{}];
	for (const [dimension, values] of Object.entries(opts)) for (const value of values) out.push({ [dimension]: value });
	const other = (q.filters ?? []).find((dimension) => dimension !== q.by);
	if (q.by && other && opts[q.by] && opts[other]) out.push({ [q.by]: opts[q.by]![1]!, [other]: opts[other]![0]! });
	const ranges = [
		{ from: periods[3]!, to: null },
		{ from: null, to: periods[5]! },
		{ from: periods[2]!, to: periods[2]! },
	];
	const withRanges = out.flatMap((view) => [view, ...ranges.map((range) => ({ ...view, ...range }))]);
	return q.top === undefined ? withRanges : withRanges.flatMap((view) => [view, { ...view, series: 'all' }]);
}

const charts: [string, string, MetricQuery][] = [
	[
		'bot review: ten markets, the five largest with TH kept',
		'bot_service_daily/2026-11-15.parquet',
		{ relation: 'bot_service_daily@2026-11-15', numerator: 'escalated_to_agent', denominator: 'sessions', time: 'date', grain: 'week', by: 'market', filters: ['market'], range: true, top: 5, others: 'All others', keep: ['TH'] },
	],
	[
		'labeling review: vendors, filtered by queue and market',
		'labeling_qa_weekly/2026-11-09.parquet',
		{ relation: 'labeling_qa_weekly@2026-11-09', numerator: 'kappa * qa_sampled', denominator: 'qa_sampled', time: 'week', grain: 'week', by: 'vendor', filters: ['queue', 'market', 'vendor'], range: true, top: 2, others: 'Others' },
	],
	[
		'issue discovery: one series of bars, two filters',
		'issue_discovery_weekly/2026-11-09.parquet',
		{ relation: 'issue_discovery_weekly@2026-11-09', numerator: 'hours_to_resolve', denominator: 'resolved', time: 'week', grain: 'week', filters: ['category', 'market'], range: true },
	],
];

describe('prepared aggregates give the rows of the chart\'s SQL', () => {
	test.each(charts)('%s', async (_, file, q) => {
		await registerSnapshot(q.relation, path.join(root, 'data/snapshots', file));
		const opts = await options(q);
		const data = await prepareChartData(q, opts);
		const checked = parsePrepared(JSON.stringify(data), q.relation);
		for (const view of views(q, opts, data.periods)) {
			expectSameRows(answerFromPrepared(checked, q, view), await native(q, view), JSON.stringify(view));
		}
	});

	test('two declared filters at once are not prepared: the engine answers them', async () => {
		const q = charts[2]![2];
		await registerSnapshot(q.relation, path.join(root, 'data/snapshots', charts[2]![1]));
		const opts = await options(q);
		const data = await prepareChartData(q, opts);
		expect(answerFromPrepared(data, q, { category: opts.category![0]!, market: opts.market![0]! })).toBeUndefined();
		expect(answerFromPrepared(data, q, { category: 'no such category' })).toBeUndefined();
		expect(Object.keys(data.filters)).toEqual(['category', 'market']);
	});

	test('the split\'s own filter is answered from the whole chart, so nothing is prepared for it', async () => {
		const q = charts[0]![2];
		await registerSnapshot(q.relation, path.join(root, 'data/snapshots', charts[0]![1]));
		const data = await prepareChartData(q, await options(q));
		expect(data.filters).toEqual({});
		expect(data.series).toHaveLength(10);
		expect(data.all.period).toHaveLength(260);
	});
});

describe('edge cases, against DuckDB native', () => {
	const q: MetricQuery = { relation: 'prepared_edges', numerator: 'n', denominator: 'd', time: 'day', grain: 'week', by: 's', filters: ['f', 's'], range: true, top: 2, others: 'Others', keep: ['Zoë'] };

	test('missing values, zero denominators, tied sizes, a NULL series and names outside ASCII', async () => {
		await execute(`CREATE OR REPLACE TABLE prepared_edges AS SELECT * FROM (VALUES
			(DATE '2026-11-02', 'a', 'Zoë', 1, 10), (DATE '2026-11-02', 'b', 'Zoë', NULL, 5),
			(DATE '2026-11-02', 'a', 'Ärger', 2, 10), (DATE '2026-11-09', 'a', 'Ärger', 3, 0),
			(DATE '2026-11-02', 'a', 'Bob', 4, 20), (DATE '2026-11-09', 'b', 'Bob', NULL, NULL),
			(DATE '2026-11-02', 'b', 'Cy', 5, 20), (DATE '2026-11-09', 'b', NULL, 6, 7),
			(DATE '2026-11-16', 'a', '😀', 7, 8), (DATE '2026-11-16', 'b', 'Zz', 0, 0),
			(DATE '2026-11-16', 'b', 'Cy', NULL, NULL),
			(DATE '2026-11-02', 'c', 'Kim', 1, 5), (DATE '2026-11-02', 'c', 'Zz', 1, 0),
			(DATE '2026-11-02', 'c', 'Nil', NULL, NULL), (DATE '2026-11-02', 'c', 'Mo', NULL, NULL)) t("day", f, s, n, d)`);
		// Bob and Cy tie on size for the second line (the name decides); in f = c, Zz's size of 0
		// outranks Nil's and Mo's NULL, and the two fold into an "Others" with no numerator at all.
		const opts = await options(q);
		const data = await prepareChartData(q, opts);
		const all: Record<string, string>[] = [{}, { series: 'all' }, { f: 'c' }, { f: 'a' }, { f: 'b' }, { f: 'b', series: 'all' }, { s: 'Cy' }, { s: 'Cy', f: 'b' }, { from: '2026-11-09' }, { to: '2026-11-02', f: 'a' }, { from: '2026-11-16', to: '2026-11-16' }];
		for (const view of all) expectSameRows(answerFromPrepared(data, q, view), await native(q, view), JSON.stringify(view));
	});

	test('strings sort by code point, as DuckDB sorts VARCHAR, with NULL last', () => {
		expect(['b', null, 'Zoë', '😀', 'ﬀ', 'a'].sort(compareSql)).toEqual(['Zoë', 'a', 'b', 'ﬀ', '😀', null]);
	});

	test('a filter whose values would pass the budget is left to the engine, and the build says why', async () => {
		await execute(`CREATE OR REPLACE TABLE prepared_wide AS SELECT DATE '2026-01-05' + (i % 30)::INTEGER AS "day", 'v' || (i // 30) AS f, 1 AS n, 2 AS d FROM range(120) t(i)`);
		const wide: MetricQuery = { relation: 'prepared_wide', numerator: 'n', denominator: 'd', time: 'day', grain: 'day', filters: ['f'], range: true };
		const warnings: string[] = [];
		const data = await prepareChartData(wide, await options(wide), { budget: 100, warn: (message) => warnings.push(message) });
		expect(data.filters).toEqual({});
		expect(warnings).toEqual([
			'chart of prepared_wide: the 4 values of filter "f" would prepare 120 cells, past the budget of 100; the engine answers that filter in the browser',
		]);
		expect(answerFromPrepared(data, wide, { f: 'v1' })).toBeUndefined();
	});
});

describe('a prepared file that is not what the page was built with is refused', () => {
	const good: PreparedChartData = { format: 1, relation: 'x@2026-11-15', periods: ['2026-11-09'], series: ['a'], all: { period: [0], series: [0], numerator: [1], denominator: [2] }, filters: {} };
	test.each([
		['not JSON', 'PAR1 garbage', /^prepared data is not JSON \(/],
		['another format', JSON.stringify({ ...good, format: 2 }), 'prepared data has format 2, expected 1: rebuild the site'],
		['another snapshot', JSON.stringify({ ...good, relation: 'x@2026-11-08' }), 'prepared data is of x@2026-11-08, but the chart reads x@2026-11-15'],
		['columns of unequal length', JSON.stringify({ ...good, all: { ...good.all, numerator: [] } }), 'prepared data, whole chart: expected four columns of equal length (period, series, numerator, denominator)'],
		[
			'a cell past the periods',
			JSON.stringify({ ...good, filters: { f: { v: { ...good.all, period: [1] } } } }),
			'prepared data, f = v: a cell points outside the periods or series, or holds a value that is not a number',
		],
		['no periods', JSON.stringify({ ...good, periods: undefined }), 'prepared data lacks its periods, series or filters'],
	])('%s', (_, text, message) => {
		expect(() => parsePrepared(text, 'x@2026-11-15')).toThrow(message);
	});
});
