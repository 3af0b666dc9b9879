/** Where snapshots live: one folder per dataset under `public/snapshots/`, served as is. */
import path from 'node:path';

export const snapshotsDir = path.join('public', 'snapshots');

/** Splits `dataset@as_of` into its parts. */
export function parseSnapshotRef(ref: string): { dataset: string; asOf: string } {
	const match = /^([a-z][a-z0-9_]*)@(\d{4}-\d{2}-\d{2})$/.exec(ref);
	if (!match) throw new Error(`"${ref}" is not a snapshot reference such as "bot_service_daily@2026-11-15"`);
	return { dataset: match[1]!, asOf: match[2]! };
}

/** The Parquet file of a snapshot, on disk. */
export function snapshotFile(root: string, dataset: string, asOf: string): string {
	return path.join(root, snapshotsDir, dataset, `${asOf}.parquet`);
}

/** The Parquet file of a snapshot, as the site serves it under `base`. */
export function snapshotUrl(base: string, dataset: string, asOf: string): string {
	return `${base.replace(/\/?$/, '/')}snapshots/${dataset}/${asOf}.parquet`;
}
