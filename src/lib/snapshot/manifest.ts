import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** One published snapshot of a dataset. */
export interface SnapshotEntry {
	/** The day the data is complete to, `YYYY-MM-DD`; also the file's name. */
	as_of: string;
	/** The Parquet file, relative to the dataset's folder. */
	file: string;
	/** SHA-256 of the file, hex, so readers and the build can tell a changed or corrupt copy. */
	sha256: string;
	bytes: number;
	rows: number;
	columns: { name: string; type: string }[];
}

/** `public/snapshots/<dataset>/manifest.json`: every snapshot of the dataset, oldest first. */
export interface Manifest {
	dataset: string;
	latest: string;
	snapshots: SnapshotEntry[];
}

export async function readManifest(folder: string): Promise<Manifest | undefined> {
	try {
		return JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
