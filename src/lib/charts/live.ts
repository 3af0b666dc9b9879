/**
 * The engine's half of a chart, loaded by `<ops-chart>` only for a view its prepared aggregates do
 * not hold: it runs the chart's query in DuckDB-WASM; `draw.ts` draws the rows with the same Plot
 * spec as the build.
 */
import { loadSnapshot, query } from '../query/browser.ts';
import { buildMetricQuery, columnsOfQuery } from '../query/metric-sql.ts';
import type { Row } from '../query/rows.ts';
import type { ChartConfig } from './metric-chart.ts';

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

/** Queries the snapshot with the reader's filters and returns the chart's rows. */
export async function rowsFor(config: ChartConfig, filters: Record<string, string | null>): Promise<Row[]> {
	await loadSnapshot(config.snapshot, pageColumns(config));
	const built = buildMetricQuery(config.query, filters);
	// Measured for `npm run bench`, which times the query and the redraw of a filter change apart.
	const asked = performance.now();
	const rows = await query(built.sql, built.params);
	performance.measure('opsbook:query', { start: asked, end: performance.now() });
	return rows;
}
