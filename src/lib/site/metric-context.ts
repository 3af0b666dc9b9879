/**
 * What every metric component needs, resolved once: the metric of the catalog, its dataset's time
 * column, and the snapshot it reads, published into the site (the page's pinned snapshot when it
 * is of the metric's dataset, else the dataset's latest). Runs only inside Astro.
 */
import { getEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { Metric } from '../../schemas/metric.ts';
import { readManifest } from '../snapshot/manifest.ts';
import { datasetFolder, storeOf, storePath } from '../snapshot/paths.ts';
import { publishSnapshot, type PublishedSnapshot } from '../snapshot/publish.ts';
import { checkedFormula } from './metric-formula.ts';

export interface MetricContext {
	metric: Metric;
	time: string;
	snapshot: PublishedSnapshot;
}

export async function metricContext(id: string, pageSnapshot: string | undefined, component: string): Promise<MetricContext> {
	const where = `<${component} metric="${id}">`;
	const entry = await getEntry('metrics', id);
	if (!entry) throw new AstroError(`${where}: no such metric in src/content/metrics.yaml`, 'Use the id of a metric of the catalog (`npm run check` lists the ids it knows).');
	const metric = checkedFormula(entry.data, where);
	const dataset = await getEntry('datasets', metric.dataset);
	const time = dataset?.data.columns.find((column) => column.role === 'time')?.name;
	if (!time) throw new AstroError(`${where}: dataset ${metric.dataset} has no time column`, `Give one column of src/content/datasets/${metric.dataset}.yaml \`role: time\`.`);
	const ref = pageSnapshot?.startsWith(`${metric.dataset}@`) ? pageSnapshot : await latestRef(metric.dataset, where);
	try {
		return { metric, time, snapshot: await publishSnapshot({ root: process.cwd(), base: import.meta.env.BASE_URL, ref }) };
	} catch (error) {
		throw new AstroError(`${where}: ${(error as Error).message}`, 'Pin a snapshot listed in its manifest, or publish the export with `npm run snapshot`.');
	}
}

/** `dataset@as_of` of a dataset's newest snapshot: what the catalog and unpinned components read. */
export async function latestRef(dataset: string, where = 'the metric catalog'): Promise<string> {
	const manifest = await readManifest(datasetFolder(storeOf(process.cwd()), dataset));
	if (!manifest) {
		throw new AstroError(`${where}: dataset ${dataset} has no published snapshot (no ${storePath(dataset)}/manifest.json)`, 'Publish one with `npm run snapshot -- --dataset ID --input PATH`.');
	}
	return `${dataset}@${manifest.latest}`;
}

