/**
 * What the data explorer shows of each dataset, at build time: its declaration (columns with roles
 * and types, grain, privacy policy), every snapshot of its manifest published into the site — at
 * the content-hashed URL and with the rows and checksum of the bytes this site publishes, after any
 * audience row filter — and the metrics of the catalog that read it. Runs only inside Astro.
 *
 * A site built for an audience other than the staff (`OPSBOOK_AUDIENCE`) offers only the datasets
 * that audience's `rows` in src/content/audiences.yaml name, narrowed to those rows: the explorer
 * hands out rows, not aggregates, so a dataset is explorable only where someone decided which rows
 * that reader may have.
 */
import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { Dataset } from '../../schemas/dataset.ts';
import { internalAudience } from '../../schemas/audience.ts';
import type { Metric } from '../../schemas/metric.ts';
import { buildPlan } from '../audience/plan.ts';
import { readManifest } from '../snapshot/manifest.ts';
import { datasetFolder, storeOf, storePath } from '../snapshot/paths.ts';
import { publishSnapshot, type PublishedSnapshot } from '../snapshot/publish.ts';
import { checkedFormula } from './metric-formula.ts';

export interface CatalogDataset {
	dataset: Dataset;
	/** Every published snapshot, newest first. */
	snapshots: PublishedSnapshot[];
	metrics: Metric[];
}

/** Every dataset with a published snapshot, by id (publishing is done once per snapshot and build). */
export async function dataCatalog(): Promise<CatalogDataset[]> {
	const metrics = (await getCollection('metrics')).map((entry) => entry.data);
	const datasets = (await getCollection('datasets')).map((entry) => entry.data).sort((a, b) => a.id.localeCompare(b.id));
	const { reader } = await buildPlan();
	const out: CatalogDataset[] = [];
	for (const dataset of datasets) {
		if (reader.id !== internalAudience && !reader.rows[dataset.id]) continue;
		const manifest = await readManifest(datasetFolder(storeOf(process.cwd()), dataset.id));
		if (!manifest || manifest.snapshots.length === 0) continue;
		const snapshots: PublishedSnapshot[] = [];
		for (const entry of [...manifest.snapshots].reverse()) {
			try {
				snapshots.push(await publishSnapshot({ root: process.cwd(), base: import.meta.env.BASE_URL, ref: `${dataset.id}@${entry.as_of}` }));
			} catch (error) {
				throw new AstroError(`data explorer: ${(error as Error).message}`, `Check ${storePath(dataset.id)}/manifest.json against the files beside it, or publish the export again with \`npm run snapshot\`.`);
			}
		}
		const where = `data explorer of ${dataset.id}`;
		out.push({ dataset, snapshots, metrics: metrics.filter((metric) => metric.dataset === dataset.id).map((metric) => checkedFormula(metric, where)) });
	}
	return out;
}
