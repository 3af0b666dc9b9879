/**
 * Restatements: a new snapshot whose rows for days an earlier snapshot already covered differ
 * (late data, corrections). The manifest records which days moved against the snapshot before it,
 * so that a review built on the new snapshot can say so, and by how much its metrics moved.
 */
import type { Dataset } from '../../schemas/dataset.ts';
import { query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';
import type { SnapshotEntry } from './manifest.ts';

/** What a snapshot changed in the days the snapshot before it covered. */
export interface Restatement {
	/** The as_of of the earlier snapshot compared with. */
	since: string;
	/** Days (values of the time column, `YYYY-MM-DD`) whose rows differ, oldest first. */
	days: string[];
	/** Rows added, removed or changed on those days, counted on both sides. */
	rows: number;
}

/**
 * Compares `table` (the new snapshot's rows) with the Parquet `previousFile` of `previous`, over
 * the days `previous` covered. `undefined` when nothing moved.
 */
export async function findRestatement(dataset: Dataset, table: string, previous: SnapshotEntry, previousFile: string): Promise<Restatement | undefined> {
	const columns = dataset.columns.map((column) => q(column.name)).join(', ');
	const time = q(dataset.columns.find((column) => column.role === 'time')!.name);
	const end = `DATE ${quoteLiteral(previous.time_range.end)}`;
	const now = `SELECT ${columns} FROM ${table} WHERE ${time} <= ${end}`;
	const before = `SELECT ${columns} FROM read_parquet(${quoteLiteral(previousFile)})`;
	const rows = await query(
		`SELECT strftime(${time}, '%Y-%m-%d') AS day, count(*) AS rows FROM ((${now} EXCEPT ALL ${before}) UNION ALL (${before} EXCEPT ALL ${now})) GROUP BY ALL ORDER BY day`,
	);
	if (rows.length === 0) return undefined;
	return { since: previous.as_of, days: rows.map((row) => String(row.day)), rows: rows.reduce((sum, row) => sum + Number(row.rows), 0) };
}
