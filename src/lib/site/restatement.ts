/**
 * The restatement note of a review: when the snapshot a review pins restated days that the
 * snapshot before it covered (late data, corrections), which of the review's metrics moved, for
 * which weeks, from what to what. Both snapshots are queried at build time with DuckDB native.
 */
import { getEntry } from 'astro:content';
import type { Metric } from '../../schemas/metric.ts';
import { formatValue } from '../charts/format.ts';
import { kpi } from '../metrics/kpi.ts';
import type { Restatement } from '../snapshot/restatement.ts';
import { publishSnapshot, type PublishedSnapshot } from '../snapshot/publish.ts';

export interface RestatedValue {
	metric: Metric;
	/** Monday of the week, `YYYY-MM-DD`. */
	week: string;
	before: string;
	after: string;
}

export interface RestatementNote extends Restatement {
	dataset: string;
	/** The review's metrics whose weekly value moved at the precision shown, week by week. */
	changes: RestatedValue[];
}

const dayMs = 86_400_000;
const mondayOf = (day: string) => {
	const ms = Date.parse(`${day}T00:00:00Z`);
	return new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * dayMs).toISOString().slice(0, 10);
};
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

export async function restatementNote(snapshot: PublishedSnapshot, metricIds: readonly string[]): Promise<RestatementNote | undefined> {
	const restated = snapshot.entry.restated;
	if (!restated) return undefined;
	// The earlier snapshot is read, not served: nothing on the page downloads it.
	const earlier = await publishSnapshot({ root: process.cwd(), base: import.meta.env.BASE_URL, ref: `${snapshot.dataset}@${restated.since}`, filter: snapshot.filter, serve: false });
	const time = (await getEntry('datasets', snapshot.dataset))?.data.columns.find((column) => column.role === 'time')?.name;
	const weeks = [...new Set(restated.days.map(mondayOf))];
	const changes: RestatedValue[] = [];
	for (const id of metricIds) {
		const metric = (await getEntry('metrics', id))?.data;
		if (!metric || metric.dataset !== snapshot.dataset || !time) continue;
		for (const week of weeks) {
			const period = { start: week, end: plusDays(week, 6) };
			const [before, after] = await Promise.all([kpi(metric, earlier.relation, time, period), kpi(metric, snapshot.relation, time, period)]);
			const shown = [formatValue(before.current, metric.unit), formatValue(after.current, metric.unit)] as const;
			if (shown[0] !== shown[1]) changes.push({ metric, week, before: shown[0], after: shown[1] });
		}
	}
	return { ...restated, dataset: snapshot.dataset, changes };
}
