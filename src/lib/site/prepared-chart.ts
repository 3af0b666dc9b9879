/**
 * A chart's prepared aggregates, at build time: its own query (`query/metric-sql.ts`) run on the
 * published relation with every series, once unfiltered and once per value of each declared filter,
 * written beside the page as a content-hashed JSON file that `<ops-chart>` fetches when the chart
 * comes near the viewport, before the reader's first filter change (see `charts/prepared.ts` for what it answers). Computed from the published
 * relation only, so a site built for one audience prepares that audience's rows and no other.
 */
import { buildPrepared, type PreparedChartData } from '../charts/prepared.ts';
import { allSeries, buildMetricQuery, type MetricQuery } from '../query/metric-sql.ts';
import type { Row } from '../query/rows.ts';
import { query as run } from '../query/server.ts';
import { emitFile } from './emitted-files.ts';

/**
 * The most cells (period × series rows) one chart prepares. Each is a few bytes of JSON; a filter
 * whose values would take the chart past this is left to the engine, and the build says so.
 */
export const preparedCellBudget = 200_000;

/** Where the browser fetches a chart's prepared file, and its checksum. */
export interface PreparedFile {
	url: string;
	sha256: string;
}

/** Computes the prepared data of a chart whose filters offer `options`. */
export async function prepareChartData(
	query: MetricQuery,
	options: Record<string, string[]>,
	{ budget = preparedCellBudget, warn = console.warn }: { budget?: number; warn?: (message: string) => void } = {},
): Promise<PreparedChartData> {
	const rowsFor = async (filters: Record<string, string>): Promise<Row[]> => {
		const built = buildMetricQuery(query, { ...filters, series: allSeries });
		return run(built.sql, built.params);
	};
	const all = await rowsFor({});
	let cells = all.length;
	const filtered: Record<string, Record<string, Row[]>> = {};
	for (const dimension of query.filters ?? []) {
		// A filter on the split keeps one series of whatever slice is drawn: nothing to prepare.
		if (dimension === query.by) continue;
		const values: Record<string, Row[]> = {};
		let size = 0;
		for (const value of options[dimension] ?? []) {
			values[value] = await rowsFor({ [dimension]: value });
			size += values[value].length;
		}
		if (cells + size > budget) {
			warn(`chart of ${query.relation}: the ${options[dimension]?.length} values of filter "${dimension}" would prepare ${size.toLocaleString('en')} cells, past the budget of ${budget.toLocaleString('en')}; the engine answers that filter in the browser`);
			continue;
		}
		cells += size;
		filtered[dimension] = values;
	}
	return buildPrepared(query.relation, all, filtered);
}

/** Prepares a chart's data and writes it beside the site's pages. */
export async function emitPreparedChart(base: string, query: MetricQuery, options: Record<string, string[]>): Promise<PreparedFile> {
	const data = await prepareChartData(query, options);
	const dataset = query.relation.split('@')[0]!;
	return emitFile({ base, folder: '_charts', name: dataset, ext: '.json', content: JSON.stringify(data) });
}
