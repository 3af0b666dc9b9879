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
