/**
 * A metric chart as both engines draw it: the configuration the browser receives, and the drawing
 * of rows already queried (SVG and accessible data table). Nothing here opens a snapshot or runs a
 * query; `site/metric-chart.ts` does that at build time and `charts/live.ts` in the browser.
 */
import type { MetricQuery } from '../query/metric-sql.ts';
import type { Row } from '../query/rows.ts';
import { renderPlot } from './ssr.ts';
import { dataTableHtml } from './table.ts';
import { trendSpec, type TrendChart } from './trend.ts';

/** What the browser needs to redraw the chart: the same query, chart and snapshot. */
export interface ChartConfig {
	query: MetricQuery;
	chart: TrendChart;
	/** The pinned snapshot: its relation (the query's), and where and with which checksum it is served. */
	snapshot: { dataset: string; asOf: string; relation: string; url: string; sha256: string };
}

export interface DrawnChart {
	svg: string;
	table: string;
	/** The periods drawn, first days as `YYYY-MM-DD`, for the period range. */
	periods: string[];
	/** The chart with only the spec changes inside the time range drawn. */
	chart: TrendChart;
}

/** Draws `rows` (the result of the chart's query) as the build's SVG and data table. */
export function drawChart(rows: Row[], chart: TrendChart): DrawnChart {
	// Only the changes inside the chart's time range are drawn and listed.
	const first = rows.length > 0 ? String(rows[0]!.period) : '';
	const last = rows.length > 0 ? String(rows.at(-1)!.period) : '';
	const inRange = { ...chart, events: chart.events?.filter((event) => event.date >= first && event.date <= last) };
	return {
		svg: renderPlot((document) => trendSpec(rows, inRange, document)),
		table: dataTableHtml(rows, { unit: chart.unit, seriesLabel: chart.seriesLabel, caption: chart.title }),
		periods: [...new Set(rows.map((row) => String(row.period)))],
		chart: inRange,
	};
}
