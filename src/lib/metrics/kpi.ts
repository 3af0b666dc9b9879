/** A metric's value over a review period and the period before, computed with DuckDB native. */
import type { Metric } from '../../schemas/metric.ts';
import { buildPeriodQuery } from '../query/metric-sql.ts';
import { cachedQuery } from '../query/cached.ts';
import type { Row } from '../query/rows.ts';
import { previousPeriod, type Period } from './period.ts';

export interface Kpi {
	current: number | null;
	previous: number | null;
	numerator: number;
	denominator: number;
}

/** `relation`: the published snapshot's relation (see `snapshot/publish.ts`). */
export async function kpi(metric: Metric, relation: string, time: string, period: Period, filter: Record<string, string> = {}): Promise<Kpi> {
	const at = async (range: Period) => {
		const built = buildPeriodQuery({ relation, numerator: metric.numerator, denominator: metric.denominator, time }, range, [], filter);
		return (await cachedQuery(relation, built.sql, built.params))[0]!;
	};
	const [current, previous] = await Promise.all([at(period), at(previousPeriod(period))]);
	return {
		current: current.value as number | null,
		previous: previous.value as number | null,
		numerator: (current.numerator as number | null) ?? 0,
		denominator: (current.denominator as number | null) ?? 0,
	};
}

/** A breakdown of the metric over the period, one row per combination of `by`. */
export async function breakdown(metric: Metric, relation: string, time: string, period: Period, by: string[], filter: Record<string, string> = {}): Promise<readonly Readonly<Row>[]> {
	const built = buildPeriodQuery({ relation, numerator: metric.numerator, denominator: metric.denominator, time }, period, by, filter);
	return cachedQuery(relation, built.sql, built.params);
}
