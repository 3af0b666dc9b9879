/**
 * The browser's copy of a chart's prepared aggregates: fetched once per page and URL (charts that
 * prepared the same data share one file), checked against its checksum and its shape. Plain
 * TypeScript with no engine and no Plot, so `<ops-chart>` can load it before the first filter change.
 */
import { fetchChecked } from '../browser/fetch-checked.ts';
import type { ChartConfig } from './metric-chart.ts';
import { parsePrepared, type PreparedChartData } from './prepared.ts';

const loaded = new Map<string, Promise<PreparedChartData>>();

export function loadPrepared(config: Pick<ChartConfig, 'prepared' | 'query'>): Promise<PreparedChartData> {
	const { url, sha256 } = config.prepared;
	let data = loaded.get(url);
	if (!data) {
		data = fetchChecked(url, sha256, 'prepared chart data').then((bytes) => parsePrepared(new TextDecoder().decode(bytes), config.query.relation));
		loaded.set(url, data);
		// A failed load may be retried by the reader's next change.
		data.catch(() => loaded.delete(url));
	}
	return data;
}
