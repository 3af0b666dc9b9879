/**
 * Everything a `<MetricChart>` needs at build time: it runs the chart's query on the published
 * snapshot with DuckDB native and draws the result, so that the HTML is complete without
 * JavaScript. The component only renders what this returns.
 */
import { openSnapshot } from '../snapshot/open.ts';
import { buildDistinctQuery, buildMetricQuery, type MetricQuery } from '../query/metric-sql.ts';
import { query } from '../query/server.ts';
import { renderPlot } from './ssr.ts';
import { dataTableHtml } from './table.ts';
import { trendSpec, type TrendChart } from './trend.ts';

/** What the browser needs to redraw the chart: the same query, chart and snapshot. */
export interface ChartConfig {
	query: MetricQuery;
	chart: TrendChart;
	snapshot: { dataset: string; asOf: string; url: string; sha256: string };
}

export interface PreparedChart {
	config: ChartConfig;
	svg: string;
	table: string;
	/** Options of each filter, by dimension. */
	filterOptions: Record<string, string[]>;
	/** The periods drawn, first days as `YYYY-MM-DD`, for the period range. */
	periods: string[];
}

export async function prepareMetricChart(options: {
	root: string;
	base: string;
	snapshot: string;
	query: Omit<MetricQuery, 'dataset'>;
	chart: TrendChart;
}): Promise<PreparedChart> {
	const snapshot = await openSnapshot(options.root, options.base, options.snapshot);
	const metricQuery: MetricQuery = { ...options.query, dataset: snapshot.dataset };
	const built = buildMetricQuery(metricQuery);
	const rows = await query(built.sql, built.params);
	const filterOptions: Record<string, string[]> = {};
	for (const dimension of metricQuery.filters ?? []) {
		const distinct = buildDistinctQuery(snapshot.dataset, dimension);
		filterOptions[dimension] = (await query(distinct.sql)).map((row) => String(row.value));
	}
	// Only the changes inside the chart's time range are drawn and listed.
	const first = rows.length > 0 ? String(rows[0]!.period) : '';
	const last = rows.length > 0 ? String(rows.at(-1)!.period) : '';
	const chart = { ...options.chart, events: options.chart.events?.filter((event) => event.date >= first && event.date <= last) };
	return {
		config: {
			query: metricQuery,
			chart,
			snapshot: { dataset: snapshot.dataset, asOf: snapshot.asOf, url: snapshot.url, sha256: snapshot.entry.sha256 },
		},
		svg: renderPlot((document) => trendSpec(rows, chart, document)),
		table: dataTableHtml(rows, { unit: options.chart.unit, seriesLabel: options.chart.seriesLabel, caption: options.chart.title }),
		filterOptions,
		periods: [...new Set(rows.map((row) => String(row.period)))],
	};
}
