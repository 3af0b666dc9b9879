import { describe, expect, test } from 'vitest';
import { buildMetricQuery, buildPeriodQuery, expressionProblem } from '../../src/lib/query/metric-sql.ts';
import { relationName } from '../../src/lib/snapshot/paths.ts';

const escalation = {
	relation: 'bot_service_daily@2026-11-15',
	numerator: 'escalated_to_agent',
	denominator: 'sessions',
	time: 'date',
	grain: 'week',
	by: 'market',
	filters: ['market', 'intent'],
} as const;

test('sums numerator and denominator over the slice and binds filters as parameters', () => {
	const built = buildMetricQuery({ ...escalation, filters: [...escalation.filters] }, { market: "TH'; DROP TABLE x; --" });
	expect(built.sql).toBe(
		[
			`SELECT strftime(date_trunc('week', "date"), '%Y-%m-%d') AS period, "market" AS series,`,
			`  sum((escalated_to_agent))::DOUBLE AS numerator, sum((sessions))::DOUBLE AS denominator,`,
			`  sum((escalated_to_agent))::DOUBLE / nullif(sum((sessions)), 0) AS value`,
			`FROM "bot_service_daily@2026-11-15"`,
			`WHERE ($1::VARCHAR IS NULL OR "market" = $1::VARCHAR) AND ($2::VARCHAR IS NULL OR "intent" = $2::VARCHAR)`,
			`GROUP BY ALL ORDER BY period, series`,
		].join('\n'),
	);
	expect(built.params).toEqual(["TH'; DROP TABLE x; --", null]);
});

test('a chart without a split draws one series', () => {
	const built = buildMetricQuery({ ...escalation, by: undefined, filters: [] });
	expect(built.sql).toContain(`'all' AS series`);
	expect(built.sql).not.toContain('WHERE');
	expect(built.params).toEqual([]);
});

test('refuses a column name that is not an identifier', () => {
	expect(() => buildMetricQuery({ ...escalation, by: 'market; drop', filters: [] })).toThrow(
		'"market; drop" is not a column name (expected a snake_case id such as "sessions")',
	);
});

test('a period query binds its dates and groups by the breakdown dimensions', async () => {
	const built = buildPeriodQuery({ relation: 'labeling_qa_weekly@2026-11-09', numerator: 'qa_agree', denominator: 'qa_sampled', time: 'week' }, { start: '2026-11-09', end: '2026-11-15' }, ['vendor', 'queue']);
	expect(built.params).toEqual(['2026-11-09', '2026-11-15']);
	expect(built.sql).toContain('WHERE "week" BETWEEN $1::DATE AND $2::DATE');
	expect(built.sql).toContain('GROUP BY ALL ORDER BY "vendor", "queue"');
});

test('a filter value with quotes and SQL keywords is data, never SQL, when run', async () => {
	const { query, execute } = await import('../../src/lib/query/server.ts');
	await execute(`CREATE OR REPLACE TABLE quoting AS SELECT * FROM (VALUES (DATE '2026-11-09', 'O''Brien; DROP TABLE quoting; --', 3, 4), (DATE '2026-11-09', 'SG', 1, 2)) t("date", market, n, d)`);
	const built = buildMetricQuery({ relation: 'quoting', numerator: 'n', denominator: 'd', time: 'date', grain: 'week', by: 'market', filters: ['market'] }, { market: "O'Brien; DROP TABLE quoting; --" });
	expect(await query(built.sql, built.params)).toEqual([{ period: '2026-11-09', series: "O'Brien; DROP TABLE quoting; --", numerator: 3, denominator: 4, value: 0.75 }]);
	expect(await query('SELECT count(*) AS rows FROM quoting')).toEqual([{ rows: 2 }]);
});

test('a period range binds its bounds as dates, and an open bound filters nothing', () => {
	const built = buildMetricQuery({ ...escalation, filters: ['market'], range: true }, { market: null, from: '2026-09-07', to: null });
	expect(built.sql).toContain(`($2::DATE IS NULL OR date_trunc('week', "date") >= $2::DATE) AND ($3::DATE IS NULL OR date_trunc('week', "date") <= $3::DATE)`);
	expect(built.params).toEqual([null, '2026-09-07', null]);
});

test('a column name follows the schemas\' snake_case id grammar, no more and no less', () => {
	expect(() => buildMetricQuery({ ...escalation, by: 'market__x', filters: [] })).toThrow('"market__x" is not a column name');
	expect(() => buildMetricQuery({ ...escalation, by: 'market_', filters: [] })).toThrow('"market_" is not a column name');
	expect(buildMetricQuery({ ...escalation, by: 'model_version2', filters: [] }).sql).toContain('"model_version2" AS series');
});

test('every query names the pinned snapshot\'s relation, never the bare dataset', () => {
	const built = buildPeriodQuery({ ...escalation, relation: 'bot_service_daily@2026-11-08' }, { start: '2026-11-02', end: '2026-11-08' });
	expect(built.sql).toContain('FROM "bot_service_daily@2026-11-08"');
	expect(() => buildMetricQuery({ ...escalation, filters: [], relation: 'x"; DROP TABLE y; --' })).toThrow('"x\"; DROP TABLE y; --" is not a snapshot relation such as "bot_service_daily@2026-11-15"');
});

test('the relation a publisher names is one the builder accepts, and a filter that cannot be one is refused where it is named', () => {
	const filtered = relationName('labeling_qa_weekly@2026-11-09', { vendor: ['keystone', 'apex'], market: 'TH' });
	expect(filtered).toBe('labeling_qa_weekly@2026-11-09[market=TH;vendor=apex,keystone]');
	expect(buildPeriodQuery({ ...escalation, relation: filtered }, { start: '2026-11-02', end: '2026-11-08' }).sql).toContain(`FROM "${filtered}"`);
	expect(() => relationName('labeling_qa_weekly@2026-11-09', { vendor: 'Atlas "BPO"' })).toThrow(
		'the row filter [vendor=Atlas "BPO"] of labeling_qa_weekly@2026-11-09 cannot name a relation: its values may hold letters, digits, "_", "." and "-" only; rename the values in src/content/audiences.yaml',
	);
});

test('the builder refuses a metric expression outside the formula grammar, whoever calls it', () => {
	const refuse = (numerator: string, message: string) => {
		expect(expressionProblem(numerator)).toBe(message);
		expect(() => buildMetricQuery({ ...escalation, filters: [], numerator })).toThrow(`the metric expression "${numerator}" ${message}`);
	};
	refuse("sum(x) FROM read_csv('/etc/passwd')", 'uses "FROM", a statement word; a metric expression is a formula over one row\'s columns');
	refuse("read_parquet('/etc/x.parquet')", 'calls "read_parquet", which is not one of the functions a metric may use (sum, count, avg, min, max, coalesce, nullif, greatest, least, abs, round, cast)');
	refuse('sessions; DROP TABLE x', 'has "; DROP TABLE" at character 9, which a metric expression may not hold (column names, numbers, + - * / and SQL functions such as sum, coalesce, nullif)');
	refuse('sessions -- all', 'has a SQL comment ("--") at character 10; a metric expression is one formula');
	refuse('(sessions', 'leaves a parenthesis open');
	refuse('sessions)', 'closes a parenthesis it never opened');
	expect(expressionProblem('sessions - escalated_to_agent')).toBeUndefined();
	expect(expressionProblem("coalesce(csat_positive, 0) * 1.0 + CASE WHEN market = 'SG' THEN 1 ELSE 0 END")).toBeUndefined();
});

describe('a chart of many series', async () => {
	const { query, execute } = await import('../../src/lib/query/server.ts');
	// Eight markets: A has the most sessions, H the fewest; two weeks each.
	const markets = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
	await execute(
		`CREATE OR REPLACE TABLE many AS SELECT * FROM (VALUES ${markets
			.flatMap((market, i) => ['2026-11-02', '2026-11-09'].map((day) => `(DATE '${day}', '${market}', ${i + 1}, ${(markets.length - i) * 10})`))
			.join(', ')}) t("date", market, n, d)`,
	);
	const many = { relation: 'many', numerator: 'n', denominator: 'd', time: 'date', grain: 'week', by: 'market', filters: ['market'], top: 3, others: 'Other markets' } as const;

	test('draws the biggest series by denominator and sums the rest into one', async () => {
		const built = buildMetricQuery({ ...many, filters: [...many.filters] });
		const rows = await query(built.sql, built.params);
		expect(rows.filter((row) => row.period === '2026-11-02')).toEqual([
			{ period: '2026-11-02', series: 'A', numerator: 1, denominator: 80, value: 1 / 80 },
			{ period: '2026-11-02', series: 'B', numerator: 2, denominator: 70, value: 2 / 70 },
			{ period: '2026-11-02', series: 'C', numerator: 3, denominator: 60, value: 3 / 60 },
			// D to H: a ratio of sums, not a mean of their ratios.
			{ period: '2026-11-02', series: 'Other markets', numerator: 4 + 5 + 6 + 7 + 8, denominator: 50 + 40 + 30 + 20 + 10, value: 30 / 150 },
		]);
	});

	test('every series with the filter series=all, and one alone when the reader picks it', async () => {
		const all = buildMetricQuery({ ...many, filters: [...many.filters] }, { series: 'all' });
		expect(new Set((await query(all.sql, all.params)).map((row) => row.series))).toEqual(new Set(markets));
		const one = buildMetricQuery({ ...many, filters: [...many.filters] }, { market: 'G' });
		expect((await query(one.sql, one.params)).map((row) => row.series)).toEqual(['G', 'G']);
	});

	test('folds nothing when one series more than the top would be all that is folded', async () => {
		const built = buildMetricQuery({ ...many, filters: [...many.filters], top: 7 });
		expect(new Set((await query(built.sql, built.params)).map((row) => row.series))).toEqual(new Set(markets));
	});
});

test('a series the author keeps takes one of the top places, whatever its size', async () => {
	const { query } = await import('../../src/lib/query/server.ts');
	const built = buildMetricQuery({ relation: 'many', numerator: 'n', denominator: 'd', time: 'date', grain: 'week', by: 'market', filters: ['market'], top: 3, others: 'Rest', keep: ['H'] });
	expect(new Set((await query(built.sql, built.params)).map((row) => row.series))).toEqual(new Set(['H', 'A', 'B', 'Rest']));
});
