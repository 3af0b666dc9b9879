import { expect, test } from 'vitest';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';

const escalation = {
	dataset: 'bot_service_daily',
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
			`  sum(escalated_to_agent)::DOUBLE AS numerator, sum(sessions)::DOUBLE AS denominator,`,
			`  sum(escalated_to_agent)::DOUBLE / nullif(sum(sessions), 0) AS value`,
			`FROM "bot_service_daily"`,
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
		'"market; drop" is not a column name',
	);
});

test('a period query binds its dates and groups by the breakdown dimensions', async () => {
	const { buildPeriodQuery } = await import('../../src/lib/query/metric-sql.ts');
	const built = buildPeriodQuery({ dataset: 'labeling_qa_weekly', numerator: 'qa_agree', denominator: 'qa_sampled', time: 'week' }, { start: '2026-11-09', end: '2026-11-15' }, ['vendor', 'queue']);
	expect(built.params).toEqual(['2026-11-09', '2026-11-15']);
	expect(built.sql).toContain('WHERE "week" BETWEEN $1::DATE AND $2::DATE');
	expect(built.sql).toContain('GROUP BY ALL ORDER BY "vendor", "queue"');
});

test('a filter value with quotes and SQL keywords is data, never SQL, when run', async () => {
	const { query, execute } = await import('../../src/lib/query/server.ts');
	await execute(`CREATE OR REPLACE TABLE quoting AS SELECT * FROM (VALUES (DATE '2026-11-09', 'O''Brien; DROP TABLE quoting; --', 3, 4), (DATE '2026-11-09', 'SG', 1, 2)) t("date", market, n, d)`);
	const built = buildMetricQuery({ dataset: 'quoting', numerator: 'n', denominator: 'd', time: 'date', grain: 'week', by: 'market', filters: ['market'] }, { market: "O'Brien; DROP TABLE quoting; --" });
	expect(await query(built.sql, built.params)).toEqual([{ period: '2026-11-09', series: "O'Brien; DROP TABLE quoting; --", numerator: 3, denominator: 4, value: 0.75 }]);
	expect(await query('SELECT count(*) AS rows FROM quoting')).toEqual([{ rows: 2 }]);
});

test('the CSV of a view quotes what needs quoting', async () => {
	const { toCsv } = await import('../../src/lib/charts/csv.ts');
	expect(toCsv([{ period: '2026-11-09', series: 'a, "b"', value: 0.5 }, { period: '2026-11-16', series: 'c', value: null }])).toBe(
		'period,series,value\n2026-11-09,"a, ""b""",0.5\n2026-11-16,c,\n',
	);
});

test('a period range binds its bounds as dates, and an open bound filters nothing', () => {
	const built = buildMetricQuery({ ...escalation, filters: ['market'], range: true }, { market: null, from: '2026-09-07', to: null });
	expect(built.sql).toContain(`($2::DATE IS NULL OR date_trunc('week', "date") >= $2::DATE) AND ($3::DATE IS NULL OR date_trunc('week', "date") <= $3::DATE)`);
	expect(built.params).toEqual([null, '2026-09-07', null]);
});
