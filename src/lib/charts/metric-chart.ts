/**
 * Everything a `<MetricChart>` needs at build time: it runs the chart's query on the published
 * snapshot with DuckDB native and draws the result, so that the HTML is complete without
 * JavaScript. The component only renders what this returns.
 */
import path from 'node:path';
import { readManifest } from '../snapshot/manifest.ts';
import { sha256File } from '../snapshot/write.ts';
import { parseSnapshotRef, snapshotFile, snapshotUrl } from '../snapshot/paths.ts';
import { buildDistinctQuery, buildMetricQuery, type MetricQuery } from '../query/metric-sql.ts';
import { query, registerSnapshot } from '../query/server.ts';
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
}

export class MissingSnapshotError extends Error {
	override name = 'MissingSnapshotError';
}

export async function prepareMetricChart(options: {
	root: string;
	base: string;
	snapshot: string;
	query: Omit<MetricQuery, 'dataset'>;
	chart: TrendChart;
}): Promise<PreparedChart> {
	const { dataset, asOf } = parseSnapshotRef(options.snapshot);
	const manifest = await readManifest(path.dirname(snapshotFile(options.root, dataset, asOf)));
	const entry = manifest?.snapshots.find((snapshot) => snapshot.as_of === asOf);
	if (!entry) {
		throw new MissingSnapshotError(
			`snapshot ${options.snapshot} is not published (no entry in public/snapshots/${dataset}/manifest.json); run \`npm run snapshot\``,
		);
	}
	const file = snapshotFile(options.root, dataset, asOf);
	const actual = await sha256File(file).catch(() => 'missing');
	if (actual !== entry.sha256) {
		throw new MissingSnapshotError(
			`snapshot ${options.snapshot} does not match its manifest (${actual === 'missing' ? 'the file is missing' : 'checksum differs'}); run \`npm run snapshot\` to publish it again`,
		);
	}
	await registerSnapshot(dataset, file);
	const metricQuery: MetricQuery = { ...options.query, dataset };
	const built = buildMetricQuery(metricQuery);
	const rows = await query(built.sql, built.params);
	const filterOptions: Record<string, string[]> = {};
	for (const dimension of metricQuery.filters ?? []) {
		const distinct = buildDistinctQuery(dataset, dimension);
		filterOptions[dimension] = (await query(distinct.sql)).map((row) => String(row.value));
	}
	return {
		config: {
			query: metricQuery,
			chart: options.chart,
			snapshot: { dataset, asOf, url: snapshotUrl(options.base, dataset, asOf), sha256: entry.sha256 },
		},
		svg: renderPlot((document) => trendSpec(rows, options.chart, document)),
		table: dataTableHtml(rows, { unit: options.chart.unit, seriesLabel: options.chart.seriesLabel, caption: options.chart.title }),
		filterOptions,
	};
}
