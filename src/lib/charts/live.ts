/**
 * The browser half of a chart, loaded by `<ops-chart>` only when it is needed: it runs the chart's
 * query in DuckDB-WASM and redraws with the same Plot spec and table as the build.
 */
import * as Plot from '@observablehq/plot';
import { loadSnapshot, query } from '../query/browser.ts';
import { buildMetricQuery, columnsOfQuery } from '../query/metric-sql.ts';
import type { ChartConfig } from './metric-chart.ts';
import { asAccessibleImage } from './accessible.ts';
import { dataTableHtml } from './table.ts';
import { trendSpec } from './trend.ts';

/**
 * The columns every chart of the page reads from `config`'s snapshot, so that the first load
 * decodes them all at once and later charts need no second load.
 */
function pageColumns(config: ChartConfig): string[] {
	const columns = new Set(columnsOfQuery(config.query));
	for (const element of document.querySelectorAll<HTMLElement>('ops-chart[data-config]')) {
		const other = JSON.parse(element.dataset.config!) as ChartConfig;
		if (other.snapshot.relation === config.snapshot.relation) for (const column of columnsOfQuery(other.query)) columns.add(column);
	}
	return [...columns];
}

/** Queries the snapshot with the reader's filters and returns the new chart and table. */
export async function draw(config: ChartConfig, filters: Record<string, string | null>) {
	await loadSnapshot(config.snapshot, pageColumns(config));
	const built = buildMetricQuery(config.query, filters);
	const rows = await query(built.sql, built.params);
	const chart = asAccessibleImage(Plot.plot(trendSpec(rows, config.chart)));
	const table = dataTableHtml(rows, { unit: config.chart.unit, seriesLabel: config.chart.seriesLabel, caption: config.chart.title });
	return { chart, table, rows };
}

export { toCsv } from './csv.ts';
