/**
 * Restatements: a new snapshot whose rows for days an earlier snapshot already covered differ
 * (late data, corrections). The manifest records which days moved against the snapshot before it,
 * so that a review built on the new snapshot can say so, and by how much its metrics moved.
 */
import type { Dataset } from '../../schemas/dataset.ts';
import { query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';
import type { Row } from '../query/rows.ts';
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
	const rows: Row[] = [];
	for (const range of ranges(previous.time_range.start, previous.time_range.end)) {
		// Each distinct row is counted on both sides at once, +1 for each copy now and -1 for each
		// copy before: it differs by |now - before| copies, what the two ways of EXCEPT ALL add up to,
		// for a quarter of their CPU (they hashed every row of both snapshots twice).
		const within = inRange(time, range);
		const now = `SELECT ${columns}, 1 AS side FROM ${table} WHERE ${within} AND ${time} <= ${end}`;
		const before = `SELECT ${columns}, -1 AS side FROM read_parquet(${quoteLiteral(previousFile)}) WHERE ${within}`;
		const moved = `SELECT ${columns}, sum(side) AS copies FROM (${now} UNION ALL ${before}) GROUP BY ALL HAVING sum(side) <> 0`;
		rows.push(...(await query(`SELECT strftime(${time}, '%Y-%m-%d') AS day, sum(abs(copies)) AS rows FROM (${moved}) GROUP BY ALL ORDER BY day`)));
	}
	if (rows.length === 0) return undefined;
	return { since: previous.as_of, days: rows.map((row) => String(row.day)), rows: rows.reduce((sum, row) => sum + Number(row.rows), 0) };
}

/**
 * How many days are compared at once. Memory holds the rows of one range of both snapshots, not of
 * their whole history (10 M rows of each took 3 GiB at once); both are sorted by time, so each
 * range reads only its own row groups.
 */
const rangeDays = 28;

/** A range as a SQL condition on `time`. */
function inRange(time: string, { after, through }: { after?: string; through?: string }): string {
	const above = after && `${time} > DATE ${quoteLiteral(after)}`;
	const below = through && `${time} <= DATE ${quoteLiteral(through)}`;
	if (above && below) return `${above} AND ${below}`;
	return below || (above ? `(${above} OR ${time} IS NULL)` : 'true');
}

/**
 * Consecutive ranges of `rangeDays` days from `start`, in order: the first open below and the last
 * open above (and holding rows without a time), so that every row falls in exactly one.
 */
function ranges(start: string, end: string): { after?: string; through?: string }[] {
	const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
	const out: { after?: string; through?: string }[] = [];
	let after: string | undefined;
	for (let through = plus(start, rangeDays - 1); through < end; through = plus(through, rangeDays)) {
		out.push({ ...(after ? { after } : {}), through });
		after = through;
	}
	out.push(after ? { after } : {});
	return out;
}
