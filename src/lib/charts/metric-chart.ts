/**
 * A metric chart as both engines draw it: the configuration the browser receives, and the drawing
 * of rows already queried (SVG and accessible data table). Nothing here opens a snapshot or runs a
 * query; `site/metric-chart.ts` does that at build time and `charts/live.ts` in the browser.
 */
import type { MetricQuery } from '../query/metric-sql.ts';
import type { Row } from '../query/rows.ts';
import { renderPlot } from './ssr.ts';
import { chartTableHtml } from './table.ts';
import { chartWidth, trendSpec, type TrendChart } from './trend.ts';

/** What the browser needs to redraw the chart: the same query, chart and snapshot. */
export interface ChartConfig {
	query: MetricQuery;
	chart: TrendChart;
	/** The pinned snapshot: its relation (the query's), and where and with which checksum it is served. */
	snapshot: { dataset: string; asOf: string; relation: string; url: string; sha256: string };
	/**
	 * The rows of the first view (no filter), so that the browser redraws the chart at the width of
	 * its box with Plot alone (`charts/draw.ts`), before and without DuckDB-WASM.
	 */
	rows: Row[];
	/**
	 * The chart's prepared aggregates (`prepared.ts`), fetched when the chart comes near the
	 * viewport, before the first filter change: declared filters and the period range are answered from them with Plot alone; only what they
	 * do not hold needs DuckDB-WASM.
	 */
	prepared: { url: string; sha256: string };
}

export interface DrawnChart {
	/** The chart drawn at the build's full width, and narrow for small screens without JavaScript. */
	svg: { wide: string; narrow: string };
	table: string;
	/** The periods drawn, first days as `YYYY-MM-DD`, for the period range. */
	periods: string[];
	/** The chart with only the spec changes inside the time range drawn. */
	chart: TrendChart;
}

/** Draws `rows` (the result of the chart's query) as the build's SVG and data table. */
export function drawChart(rows: readonly Row[], chart: TrendChart): DrawnChart {
	// Only the changes inside the chart's time range are drawn and listed.
	const first = rows.length > 0 ? String(rows[0]!.period) : '';
	const last = rows.length > 0 ? String(rows.at(-1)!.period) : '';
	const inRange = { ...chart, events: chart.events?.filter((event) => event.date >= first && event.date <= last) };
	return {
		svg: {
			wide: renderPlot((document) => trendSpec(rows, inRange, document, chartWidth.wide)),
			narrow: renderPlot((document) => trendSpec(rows, inRange, document, chartWidth.narrow)),
		},
		table: chartTableHtml(rows, inRange),
		periods: [...new Set(rows.map((row) => String(row.period)))],
		chart: inRange,
	};
}
