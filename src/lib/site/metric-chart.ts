/**
 * Everything a `<MetricChart>` needs at build time, in one place: the metric's snapshot published
 * into the site, the chart's query run on it with DuckDB native, and the drawing of the result, so
 * that the HTML is complete without JavaScript, and the aggregates that answer its filters in the
 * browser without the engine. The component only renders what this returns.
 */
import { drawChart, type ChartConfig, type DrawnChart } from '../charts/metric-chart.ts';
import type { TrendChart } from '../charts/trend.ts';
import { buildDistinctQuery, buildMetricQuery, type MetricQuery } from '../query/metric-sql.ts';
import { cachedQuery } from '../query/cached.ts';
import type { PublishedSnapshot } from '../snapshot/publish.ts';
import { emitPreparedChart } from './prepared-chart.ts';

export interface PreparedChart extends Omit<DrawnChart, 'chart'> {
	config: ChartConfig;
	/** Options of each filter, by dimension. */
	filterOptions: Record<string, string[]>;
}

/** Charts already prepared in this process, by everything they are made of. */
const preparedCharts = new Map<string, Promise<PreparedChart>>();

/**
 * The chart of `options`, prepared once per process: a chart is made only of its pinned snapshot,
 * its query and its spec, so a review's fallback page in every other locale, the copies of a
 * series and two reviews of one week share one drawing (profiled: drawing the same SVGs again was
 * 7 % of a 1,000-page build). The result is shared: read it, never change it.
 */
export function prepareMetricChart(options: { snapshot: PublishedSnapshot; query: Omit<MetricQuery, 'relation'>; chart: TrendChart }): Promise<PreparedChart> {
	const { snapshot } = options;
	const key = JSON.stringify([import.meta.env.BASE_URL, snapshot.relation, snapshot.sha256, snapshot.url, options.query, options.chart]);
	let chart = preparedCharts.get(key);
	if (!chart) {
		chart = prepare(options);
		preparedCharts.set(key, chart);
		chart.catch(() => preparedCharts.delete(key));
	}
	return chart;
}

async function prepare(options: { snapshot: PublishedSnapshot; query: Omit<MetricQuery, 'relation'>; chart: TrendChart }): Promise<PreparedChart> {
	const { snapshot } = options;
	const metricQuery: MetricQuery = { ...options.query, relation: snapshot.relation };
	const built = buildMetricQuery(metricQuery);
	const rows = await cachedQuery(snapshot.relation, built.sql, built.params);
	const filterOptions: Record<string, string[]> = {};
	for (const dimension of metricQuery.filters ?? []) {
		const distinct = buildDistinctQuery(snapshot.relation, dimension);
		filterOptions[dimension] = (await cachedQuery(snapshot.relation, distinct.sql)).map((row) => String(row.value));
	}
	const { chart, ...drawn } = drawChart(rows, options.chart);
	return {
		config: {
			query: metricQuery,
			chart,
			snapshot: { dataset: snapshot.dataset, asOf: snapshot.asOf, relation: snapshot.relation, url: snapshot.url, sha256: snapshot.sha256 },
			// A copy of the list: the rows themselves are the query cache's, frozen.
			rows: [...rows],
			prepared: await emitPreparedChart(import.meta.env.BASE_URL, metricQuery, filterOptions),
		},
		...drawn,
		filterOptions,
	};
}
