/**
 * Where snapshots live and what they are called. The store is a folder tracked by git,
 * `data/snapshots/<dataset>/<as_of>.parquet` with `manifest.json` beside them; the site serves
 * each snapshot a page reads at a content-hashed URL under `_snapshots/`, and queries it as a
 * relation named after its reference, so that two snapshots of one dataset never share a name.
 */
import path from 'node:path';
import { snapshotRelationPattern } from '../../schemas/patterns.ts';
import { hashedName } from '../hosting/headers.ts';
import { parseSnapshotRef } from '../../schemas/snapshot-ref.ts';

export { formatSnapshotRef, parseSnapshotRef } from '../../schemas/snapshot-ref.ts';

/** The store, relative to the project's root. */
export const storeDir = path.join('data', 'snapshots');

/** The store of the project at `root`. */
export const storeOf = (root: string) => path.join(root, storeDir);

/** A dataset's folder in a store: its snapshots and its manifest. */
export const datasetFolder = (store: string, dataset: string) => path.join(store, dataset);

/** The Parquet file of a snapshot, in a store. */
export const snapshotFile = (store: string, dataset: string, asOf: string) => path.join(store, dataset, `${asOf}.parquet`);

/** The same file as a path relative to the project's root, for messages: `data/snapshots/x/2026-11-15.parquet`. */
export const storePath = (dataset: string, asOf?: string) =>
	[storeDir, dataset, ...(asOf ? [`${asOf}.parquet`] : [])].join('/').replaceAll(path.sep, '/');

/**
 * Rows a site may publish of a dataset: column → the value, or values, it keeps. A site built for
 * one vendor publishes `{ vendor: 'apex' }` of a labeling dataset and nothing else.
 */
export type RowFilter = Readonly<Record<string, string | readonly string[]>>;

/** A filter written the same way whatever order its keys and values came in: `vendor=apex,keystone`. */
export function filterKey(filter: RowFilter | undefined): string {
	if (!filter) return '';
	return Object.keys(filter)
		.sort()
		.map((column) => {
			const values = filter[column]!;
			return `${column}=${(typeof values === 'string' ? [values] : [...values]).sort().join(',')}`;
		})
		.join(';');
}

/**
 * The SQL relation a snapshot is queried as, at build time and in the browser: its reference, and
 * its row filter when it has one (`labeling_qa_weekly@2026-11-09[vendor=apex]`). Every pinned ref
 * is its own relation, so which file a page reads never depends on which page rendered first.
 */
export function relationName(ref: string, filter?: RowFilter): string {
	parseSnapshotRef(ref);
	const key = filterKey(filter);
	const name = key ? `${ref}[${key}]` : ref;
	if (!snapshotRelationPattern.test(name)) {
		throw new Error(`the row filter [${key}] of ${ref} cannot name a relation: its values may hold letters, digits, "_", "." and "-" only; rename the values in src/content/audiences.yaml`);
	}
	return name;
}

/**
 * Where the site serves a published snapshot, relative to its base: the content hash is in the
 * name, so the file at a URL never changes and a CDN may cache it forever.
 */
export const publishedPath = (dataset: string, asOf: string, sha256: string) => `_snapshots/${dataset}/${hashedName(asOf, sha256, '.parquet')}`;
