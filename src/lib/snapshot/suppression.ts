/**
 * Small-cell suppression with complementary suppression, planned in SQL on the export without
 * materialising it: only the small rows, one more row per slice and the roll-ups are kept, and
 * the snapshot is the export streamed through an anti-join with them.
 *
 * A row whose cell measure is below the minimum is suppressed (primary). With `rollup`, the
 * suppressed rows of a slice (every column but the measures and the rolled-up dimension) are
 * published as one "(other)" row; an "(other)" made of a single row would give that row away, and
 * so would one below the minimum. So the slice's smallest published rows join it (complementary)
 * until it holds at least two rows and meets the minimum; a slice that cannot is dropped whole.
 * Dropped rows are left out of the snapshot, and their total is recorded only under the same rule.
 *
 * Whatever a reader adds up or subtracts from the snapshot, a suppressed value is never alone in
 * a published sum: every such sum (the "(other)" rows) covers at least two suppressed rows and at
 * least the minimum. `tests/unit/snapshot-attack.test.ts` checks it by playing the attacker on
 * every dimension the demo reviews filter by.
 *
 * Snapshots are published again every week, over days already published, so a reader can also
 * subtract one snapshot from another. Two rules keep that from recomputing a row: a row hidden by
 * the earlier snapshot stays hidden for the days it covered (else "(other)" then, less the row
 * shown now, gives the rest away), and no total of dropped values is published (two totals a week
 * apart, subtracted, would give the week's one dropped row). What remains — a restated slice's
 * "(other)" moves by the net change of the rows it hides — is out of scope; the README says why.
 * `tests/unit/snapshot-differencing.test.ts` plays that attacker.
 */
import { otherValue, type Dataset } from '../../schemas/dataset.ts';
import { execute, query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';
import type { Suppression } from './manifest.ts';

/** What the snapshot is written from: the rows of `source` minus the suppressed ones, plus the roll-ups. */
export interface SuppressionPlan {
	/**
	 * A SELECT of the published rows, in the dataset's column order, unsorted, reading the export
	 * from `from`: the planned source, or a view of the same rows that checks them as they are read.
	 */
	rows(from: string): string;
	record?: Suppression;
	/** Drops the plan's temporary tables. */
	drop(): Promise<void>;
}

const matches = (keys: string[], left: string, right: string) => keys.map((k) => `${left}.${k} IS NOT DISTINCT FROM ${right}.${k}`).join(' AND ');

/** The snapshot published before this one: its rows keep hidden what they hid, on the days they cover. */
export interface EarlierSnapshot {
	/** The earlier snapshot's Parquet file. */
	file: string;
	/** The last day it covers, `YYYY-MM-DD`. */
	end: string;
}

/** What the steps of a plan share: the dataset's keys, the slice a row is hidden within, the temporary tables. */
interface Plan {
	dataset: Dataset;
	source: string;
	/** The quoted cell measure, and the minimum a published cell meets. */
	m: string;
	min: number;
	/** Every column but the measures, quoted; a row's identity. */
	keys: string[];
	/** The keys a roll-up keeps (all of them with `drop`, where each row is its own slice). */
	slice: string[];
	/** The rolled-up dimension, when small rows are rolled up rather than dropped. */
	rollup?: string;
	/** The temporary tables of the rows chosen to hide, and of their roll-ups. */
	chosen: string;
	rolled: string;
}

/**
 * Plans the suppression of `source` (a table or view with the dataset's columns and types), keeping
 * hidden what `earlier` hid.
 */
export async function planSuppression(dataset: Dataset, source: string, earlier?: EarlierSnapshot): Promise<SuppressionPlan> {
	const { cell_measure: measure, min_cell_size: min, small_cells: method, rollup_dimension: rollupColumn } = dataset.privacy;
	const all = dataset.columns.map((c) => q(c.name));
	const unchanged: SuppressionPlan = { rows: (from) => `SELECT ${all.join(', ')} FROM ${from}`, drop: async () => {} };
	if (!measure || min === 0) return unchanged;
	const keys = dataset.columns.filter((c) => c.role !== 'measure').map((c) => q(c.name));
	const rollup = method === 'rollup' && rollupColumn !== undefined ? q(rollupColumn) : undefined;
	const suffix = `${dataset.id}_${process.pid}`;
	const plan: Plan = { dataset, source, m: q(measure), min, keys, slice: rollup ? keys.filter((k) => k !== rollup) : keys, rollup, chosen: q(`suppressed_${suffix}`), rolled: q(`rolled_${suffix}`) };
	const drop = () => execute(`DROP TABLE IF EXISTS ${plan.chosen}; DROP TABLE IF EXISTS ${plan.rolled}`);

	const counts = await chooseRows(plan, rollupColumn ?? measure, earlier);
	const record: Suppression = { rule: `${measure} < ${min}`, method, ...counts, rolled_up_rows: 0, dropped_rows: 0, by_dimension: {} };
	if (record.small_rows + record.complementary_rows === 0) {
		await drop();
		return { ...unchanged, record };
	}
	Object.assign(record, await rollUp(plan));
	// No total of the dropped values is recorded: two snapshots' totals, subtracted, would give
	// the one row dropped in between.
	record.by_dimension = await countByDimension(dataset, plan.chosen);

	const columns = dataset.columns.map((c) => (rollup && q(c.name) === rollup ? `${quoteLiteral(otherValue)} AS ${q(c.name)}` : q(c.name)));
	return {
		rows: (from) =>
			`SELECT ${all.map((k) => `s.${k}`).join(', ')} FROM ${from} s ANTI JOIN ${plan.chosen} c ON ${matches(keys, 's', 'c')}` +
			(rollup ? ` UNION ALL SELECT ${columns.join(', ')} FROM ${plan.rolled} WHERE kept` : ''),
		record,
		drop,
	};
}

/**
 * The rows to suppress, into the `chosen` table: the small ones; those of the earlier snapshot's
 * days that it did not show (so that it and this one, subtracted, give nothing away); and, in each
 * slice whose hidden rows are fewer than two or add up to less than the minimum, its smallest other
 * row (ties broken by `tieBreak`, the rolled-up value, so reruns agree). One is enough: any other
 * row meets the minimum.
 */
async function chooseRows({ dataset, source, m, min, keys, slice, rollup, chosen }: Plan, tieBreak: string, earlier?: EarlierSnapshot) {
	const time = q(dataset.columns.find((c) => c.role === 'time')!.name);
	const shown = earlier && `SELECT * FROM read_parquet(${quoteLiteral(earlier.file)})${rollup ? ` WHERE ${rollup} <> ${quoteLiteral(otherValue)}` : ''}`;
	const small = [
		`SELECT ${keys.join(', ')}, ${m} AS cell, true AS small FROM ${source} WHERE ${m} < ${min}`,
		...(shown
			? [`SELECT ${keys.map((k) => `s.${k}`).join(', ')}, s.${m} AS cell, false AS small FROM ${source} s ANTI JOIN (${shown}) p ON ${matches(keys, 's', 'p')} WHERE s.${time} <= DATE ${quoteLiteral(earlier.end)} AND s.${m} >= ${min}`]
			: []),
	].join(' UNION ALL ');
	const slices = slice.join(', ');
	// The export is narrowed to the needy slices (a handful of rows) before it is set against the
	// hidden rows: the other way round, DuckDB hashes the whole export to probe it with the hidden
	// rows, which cost more CPU than the rest of the checks together (1.5 s of 10 M rows).
	const complementary = `
		needy AS (SELECT ${slices} FROM small GROUP BY ALL HAVING count(*) < 2 OR sum(cell) < ${min}),
		picked AS (
			SELECT ${slice.map((k) => `s.${k}`).join(', ')}, min({'cell': s.${m}, 'value': s.${q(tieBreak)}}) AS pick
			FROM (SELECT * FROM ${source} s SEMI JOIN needy ON ${matches(slice, 's', 'needy')} WHERE s.${m} >= ${min}) s ANTI JOIN small ON ${matches(keys, 's', 'small')} GROUP BY ALL
		)`;
	await execute(
		rollup
			? `CREATE OR REPLACE TEMP TABLE ${chosen} AS WITH small AS (${small}), ${complementary}
				SELECT * FROM small UNION ALL SELECT ${keys.map((k) => (k === rollup ? `pick.value AS ${k}` : k)).join(', ')}, pick.cell AS cell, false AS small FROM picked`
			: `CREATE OR REPLACE TEMP TABLE ${chosen} AS ${small}`,
	);
	const [counts] = await query(`SELECT count(*) FILTER (WHERE small) AS small, count(*) FILTER (WHERE NOT small) AS extra FROM ${chosen}`);
	return { small_rows: Number(counts!.small), complementary_rows: Number(counts!.extra) };
}

/** Each slice's hidden rows become one "(other)" row, into the `rolled` table, if they are two or more and meet the minimum. */
async function rollUp({ dataset, source, m, min, keys, slice, rollup, chosen, rolled }: Plan) {
	const measures = dataset.columns.filter((c) => c.role === 'measure');
	const sums = measures.map((c) => `sum(s.${q(c.name)})::BIGINT AS ${q(c.name)}`);
	const published = rollup
		? `SELECT ${slice.map((k) => `s.${k}`).join(', ')}, count(*) AS hidden, ${sums.join(', ')} FROM ${source} s SEMI JOIN ${chosen} c ON ${matches(keys, 's', 'c')} GROUP BY ALL`
		: `SELECT ${slice.map((k) => `c.${k}`).join(', ')}, 1 AS hidden, c.cell AS ${m} FROM ${chosen} c`;
	await execute(`CREATE OR REPLACE TEMP TABLE ${rolled} AS SELECT *, ${rollup ? `hidden >= 2 AND ${m} >= ${min}` : 'false'} AS kept FROM (${published})`);
	const [outcome] = await query(`SELECT count(*) FILTER (WHERE kept) AS kept, coalesce(sum(hidden) FILTER (WHERE NOT kept), 0) AS dropped FROM ${rolled}`);
	return { rolled_up_rows: Number(outcome!.kept), dropped_rows: Number(outcome!.dropped) };
}

/** How many rows were suppressed for each value of each dimension, so a reader knows where data is thin. */
async function countByDimension(dataset: Dataset, chosen: string): Promise<Record<string, Record<string, number>>> {
	const out: Record<string, Record<string, number>> = {};
	for (const column of dataset.columns.filter((c) => c.role === 'dimension')) {
		const rows = await query(`SELECT ${q(column.name)}::VARCHAR AS value, count(*) AS n FROM ${chosen} GROUP BY 1 ORDER BY 1`);
		out[column.name] = Object.fromEntries(rows.map((row) => [String(row.value), Number(row.n)]));
	}
	return out;
}
