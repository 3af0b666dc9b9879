/**
 * Everything a `<MetricChart>` needs at build time, in one place: the metric's snapshot published
 * into the site, the chart's query run on it with DuckDB native, and the drawing of the result, so
 * that the HTML is complete without JavaScript, and the aggregates that answer its filters in the
 * browser without the engine. The component only renders what this returns.
 */
import { drawChart, type ChartConfig, type DrawnChart } from '../charts/metric-chart.ts';
import type { TrendChart } from '../charts/trend.ts';
import { buildDistinctQuery, buildMetricQuery, type MetricQuery } from '../query/metric-sql.ts';
import { query } from '../query/server.ts';
import type { PublishedSnapshot } from '../snapshot/publish.ts';
import { emitPreparedChart } from './prepared-chart.ts';

export interface PreparedChart extends Omit<DrawnChart, 'chart'> {
	config: ChartConfig;
	/** Options of each filter, by dimension. */
	filterOptions: Record<string, string[]>;
}

export async function prepareMetricChart(options: {
	snapshot: PublishedSnapshot;
	query: Omit<MetricQuery, 'relation'>;
	chart: TrendChart;
}): Promise<PreparedChart> {
	const { snapshot } = options;
	const metricQuery: MetricQuery = { ...options.query, relation: snapshot.relation };
	const built = buildMetricQuery(metricQuery);
	const rows = await query(built.sql, built.params);
	const filterOptions: Record<string, string[]> = {};
	for (const dimension of metricQuery.filters ?? []) {
		const distinct = buildDistinctQuery(snapshot.relation, dimension);
		filterOptions[dimension] = (await query(distinct.sql)).map((row) => String(row.value));
	}
	const { chart, ...drawn } = drawChart(rows, options.chart);
	return {
		config: {
			query: metricQuery,
			chart,
			snapshot: { dataset: snapshot.dataset, asOf: snapshot.asOf, relation: snapshot.relation, url: snapshot.url, sha256: snapshot.sha256 },
			rows,
			prepared: await emitPreparedChart(import.meta.env.BASE_URL, metricQuery, filterOptions),
		},
		...drawn,
		filterOptions,
	};
}
