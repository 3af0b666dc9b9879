/**
 * What every metric component needs, resolved once: the metric of the catalog, its dataset's time
 * column, and the snapshot it reads (the page's, when it is of the metric's dataset, else the
 * dataset's latest). Runs only inside Astro.
 */
import path from 'node:path';
import { getEntry } from 'astro:content';
import type { Metric } from '../../schemas/metric.ts';
import { readManifest } from '../snapshot/manifest.ts';
import { openSnapshot, type OpenSnapshot } from '../snapshot/open.ts';
import { snapshotsDir } from '../snapshot/paths.ts';

export interface MetricContext {
	metric: Metric;
	time: string;
	snapshot: OpenSnapshot;
}

export async function metricContext(id: string, pageSnapshot: string | undefined, component: string): Promise<MetricContext> {
	const entry = await getEntry('metrics', id);
	if (!entry) throw new Error(`<${component} metric="${id}">: no such metric in src/content/metrics.yaml`);
	const metric = entry.data;
	const dataset = await getEntry('datasets', metric.dataset);
	const time = dataset?.data.columns.find((column) => column.role === 'time')?.name;
	if (!time) throw new Error(`<${component} metric="${id}">: dataset ${metric.dataset} has no time column`);
	let ref = pageSnapshot?.startsWith(`${metric.dataset}@`) ? pageSnapshot : undefined;
	if (!ref) {
		const manifest = await readManifest(path.join(process.cwd(), snapshotsDir, metric.dataset));
		if (!manifest) throw new Error(`<${component} metric="${id}">: dataset ${metric.dataset} has no published snapshot; run \`npm run snapshot\``);
		ref = `${metric.dataset}@${manifest.latest}`;
	}
	return { metric, time, snapshot: await openSnapshot(process.cwd(), import.meta.env.BASE_URL, ref) };
}
