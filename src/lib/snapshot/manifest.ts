import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Restatement } from './restatement.ts';

/** What small-cell suppression did to a snapshot (see `suppression.ts`). */
export interface Suppression {
	/** The rule, e.g. "sessions < 10". */
	rule: string;
	/** `drop` or `rollup`. */
	method: 'drop' | 'rollup';
	/** Rows of the export below the minimum cell size (primary suppression). */
	small_rows: number;
	/** Rows at or above the minimum suppressed with them, so that no small row can be recomputed, from this snapshot or against an earlier one. */
	complementary_rows: number;
	/** "(other)" rows published in their place (rollup only). */
	rolled_up_rows: number;
	/** Suppressed rows left out of the snapshot altogether. */
	dropped_rows: number;
	/** Suppressed rows (primary and complementary) for each value of each dimension. */
	by_dimension: Record<string, Record<string, number>>;
}

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
	/** First and last day of the time column. */
	time_range: { start: string; end: string };
	/** The files the snapshot was made from, by name. */
	sources: string[];
	suppression?: Suppression;
	/** Days the snapshot before it covered whose rows this one changed (late data, corrections). */
	restated?: Restatement;
	/** What wrote it, so a difference between two snapshots can be traced to a tool change. */
	tool: { opsbook: string; duckdb: string };
}

/** `data/snapshots/<dataset>/manifest.json`: every snapshot of the dataset, oldest first. */
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
