/**
 * Turns a raw export into a checked, privacy-safe Parquet snapshot with a manifest entry. Every
 * problem is a `SnapshotError` naming the input, the column and what is wrong; nothing is written
 * unless all checks pass, and the previous snapshot and manifest stay untouched when a run fails.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../schemas/dataset.ts';
import { execute, query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';
import { engineMessage, SnapshotError } from './errors.ts';
import { resolveInput, type Input } from './input.ts';
import { readManifest, type SnapshotEntry, type Suppression } from './manifest.ts';
import { withStoreLock } from './lock.ts';
import { findRestatement } from './restatement.ts';
import { planSuppression, type EarlierSnapshot, type SuppressionPlan } from './suppression.ts';
import { validateStaged, type RowGuard } from './validate.ts';
import { fileExists, recoverSnapshots, replaceSnapshot } from './store.ts';
import { crashPoint, fsyncPath, sha256File, temporaryFor } from './write.ts';

export { SnapshotError } from './errors.ts';

export interface SnapshotOptions {
	dataset: Dataset;
	/** A CSV or Parquet file, a glob of them, or a folder of Hive-partitioned Parquet. */
	input: string;
	/** The day the data is complete to; defaults to the last day in the time column. */
	asOf?: string;
	/** The folder that holds one sub-folder per dataset. */
	outDir: string;
	/** Leave columns the dataset does not declare out of the snapshot instead of failing. */
	allowExtra?: boolean;
	/** Called with a line of progress at each stage. */
	onProgress?: (message: string) => void;
}

const toolVersion = (async () => {
	const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
	const [{ version }] = (await query('SELECT version() AS version')) as [{ version: string }];
	return { opsbook: pkg.version, duckdb: version };
})();

/**
 * Reads, checks, suppresses and writes in one streaming pass per step: the export is never
 * materialised (a CSV is staged for its line numbers; Parquet is read in place), so memory stays
 * near what DuckDB needs to sort the output.
 */
export async function buildSnapshot(options: SnapshotOptions): Promise<SnapshotEntry> {
	const { dataset } = options;
	const progress = timedProgress(options.onProgress);
	const input = await resolveInput(options.input);
	const where = input.files.length === 1 ? input.files[0]! : options.input;
	const staged = await stage(dataset, input, where);
	try {
		progress(`read ${staged.rows.toLocaleString('en')} rows from ${input.files.length} file${input.files.length === 1 ? '' : 's'}`);
		const guard = await validateStaged({
			dataset,
			table: staged.table,
			where,
			columns: staged.columns,
			format: input.format,
			...(input.numbered ? { numbered: { reader: input.numbered, files: input.files.length } } : {}),
			allowExtra: options.allowExtra ?? false,
			rows: staged.rows,
		});
		const constraints = `${dataset.constraints.length} constraint${dataset.constraints.length === 1 ? '' : 's'}`;
		progress(`checked ${dataset.columns.length} columns${guard ? '' : `, ${constraints}`} and the privacy rules${guard ? `; rows and the ${constraints} are checked as they are written` : ''}`);
		const plan = await planSuppression(dataset, staged.normalized, await earlierSnapshot(options, staged.normalized));
		try {
			const record = plan.record;
			if (record && record.small_rows > 0) progress(describeSuppression(record));
			const source = guard ? { from: await staged.guarded(guard.passes), guard } : { from: staged.normalized };
			const entry = await publish(options, input, where, plan, source);
			progress(`wrote ${entry.rows.toLocaleString('en')} rows, ${(entry.bytes / 1024).toFixed(0)} KiB`);
			return entry;
		} finally {
			await plan.drop();
		}
	} finally {
		// Cleaning up must never hide the error that brought us here.
		await staged.drop().catch(() => {});
	}
}

/** "suppressed 184 rows with sessions < 10, and 127 more to protect them: 143 "(other)" rows, 0 dropped". */
function describeSuppression(record: Suppression): string {
	const n = (value: number) => value.toLocaleString('en');
	const more = record.complementary_rows > 0 ? `, and ${n(record.complementary_rows)} more to protect them` : '';
	const outcome = record.method === 'rollup' ? `${n(record.rolled_up_rows)} "(other)" rows, ${n(record.dropped_rows)} dropped` : `${n(record.dropped_rows)} dropped`;
	return `suppressed ${n(record.small_rows)} rows with ${record.rule}${more}: ${outcome}`;
}

/** Progress lines with the time since the run started. */
function timedProgress(onProgress: ((message: string) => void) | undefined) {
	const started = performance.now();
	return (message: string) => onProgress?.(`${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * Makes the export queryable: `table` as read (CSV staged as a table, for its row numbers in
 * messages; Parquet as a view over the files), and `normalized`, a view with the declared types;
 * `guarded` makes another such view that lets only rows that pass a condition through.
 */
async function stage(dataset: Dataset, input: Input, where: string) {
	const table = q(`staging_${dataset.id}_${process.pid}`);
	const normalized = q(`normalized_${dataset.id}_${process.pid}`);
	const checked = q(`checked_${dataset.id}_${process.pid}`);
	const kind = input.format === 'csv' ? 'TABLE' : 'VIEW';
	const drop = () => execute(`DROP VIEW IF EXISTS ${checked}; DROP VIEW IF EXISTS ${normalized}; DROP ${kind} IF EXISTS ${table}`);
	await execute(`CREATE OR REPLACE TEMP ${kind} ${table} AS SELECT * FROM ${input.reader}`).catch((error: unknown) => {
		const message = engineMessage(error);
		const notParquet = input.format === 'parquet' && /magic|too small|not a parquet|invalid|corrupt|truncat|footer/i.test(message);
		throw new SnapshotError(`${where}: ${notParquet ? 'not a Parquet file, or a truncated one' : 'cannot be read'} (${message})`);
	});
	try {
		const described = await query(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${table})`);
		const columns = described.map((row) => ({ name: String(row.name), type: String(row.type) }));
		const [{ rows }] = (await query(`SELECT count(*) AS rows FROM ${table}`)) as [{ rows: number }];
		// A view, so nothing is computed until it is read. A missing column gets a placeholder here
		// because a view is bound when it is created; the checks refuse the export before any read.
		const present = new Set(columns.map((column) => column.name));
		const casts = dataset.columns.map((c) => (present.has(c.name) ? `CAST(${q(c.name)} AS ${c.type}) AS ${q(c.name)}` : `NULL::${c.type} AS ${q(c.name)}`));
		await execute(`CREATE OR REPLACE TEMP VIEW ${normalized} AS SELECT ${casts.join(', ')} FROM ${table}`);
		const guarded = async (passes: string) => {
			await execute(`CREATE OR REPLACE TEMP VIEW ${checked} AS SELECT ${casts.join(', ')} FROM ${table} WHERE ${passes}`);
			return checked;
		};
		return { table, normalized, guarded, columns, rows, drop };
	} catch (error) {
		await drop().catch(() => {});
		throw error;
	}
}

/**
 * Writes the planned rows, sorted by time then dimensions (so readers scan in order and reruns
 * write the same bytes), to a temporary file; then swaps it in and records it in the manifest,
 * with what it restates of the snapshot before it. One writer per store at a time, from the
 * roll-back of a crashed run to the manifest. The export is read from `source.from`; with a guard,
 * a view that stops the write at a row that fails a check, and the guard then says which and where.
 */
async function publish(options: SnapshotOptions, input: Input, where: string, plan: SuppressionPlan, source: { from: string; guard?: RowGuard }): Promise<SnapshotEntry> {
	const { dataset } = options;
	// Lines of their own, without the time: the restatement is a fact of the data, the wait a state.
	const say = (message: string) => options.onProgress?.(message);
	const folder = path.join(options.outDir, dataset.id);
	await mkdir(folder, { recursive: true });
	const time = dataset.columns.find((column) => column.role === 'time')!;
	const order = [time, ...dataset.columns.filter((column) => column.role === 'dimension')].map((column) => q(column.name)).join(', ');
	const temporary = temporaryFor(path.join(folder, 'snapshot.parquet'));
	return withStoreLock(
		options.outDir,
		async () => {
			await recoverSnapshots(folder);
			try {
				await execute(`COPY (${plan.rows(source.from)} ORDER BY ${order}) TO ${quoteLiteral(temporary)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`).catch(
					async (error: unknown) => {
						if (source.guard?.failed(error)) await source.guard.report();
						throw error;
					},
				);
				crashPoint('after-parquet');
				// Hashed on this thread, and flushed to disk on the thread pool (22 ms for 23 MiB), while
				// DuckDB's threads read its range and compare it with the last snapshot: commit's own flush
				// then finds nothing left to write. Awaited below; a failure before then is not theirs.
				const checksum = sha256File(temporary);
				const flushed = fsyncPath(temporary);
				checksum.catch(() => {});
				flushed.catch(() => {});
				const [range] = (await query(
					`SELECT strftime(min(${q(time.name)}), '%Y-%m-%d') AS start, strftime(max(${q(time.name)}), '%Y-%m-%d') AS "end", count(*) AS rows FROM read_parquet(${quoteLiteral(temporary)})`,
				)) as [{ start: string; end: string; rows: number }];
				if (range.rows === 0) throw new SnapshotError(`${where}: every row is below the minimum cell size; nothing is left to publish`);
				const asOf = options.asOf ?? range.end;
				if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new SnapshotError(`--as-of takes a date such as 2026-11-15, not "${asOf}"`);
				const restated = await restatementOf(dataset, folder, asOf, temporary);
				if (restated) say(`restates ${restated.days.length} day${restated.days.length === 1 ? '' : 's'} of ${dataset.id}@${restated.since} (${restated.days[0]} to ${restated.days.at(-1)}, ${restated.rows} rows)`);
				const entry: SnapshotEntry = {
					as_of: asOf,
					file: `${asOf}.parquet`,
					sha256: await checksum,
					bytes: (await stat(temporary)).size,
					rows: range.rows,
					columns: dataset.columns.map(({ name, type }) => ({ name, type })),
					time_range: { start: range.start, end: range.end },
					sources: input.files.map((source) => path.basename(source)),
					...(plan.record ? { suppression: plan.record } : {}),
					...(restated ? { restated } : {}),
					tool: await toolVersion,
				};
				await flushed;
				await replaceSnapshot(folder, temporary, entry);
				return entry;
			} finally {
				await rm(temporary, { force: true });
			}
		},
		{ onWait: say },
	);
}

/**
 * The latest snapshot of the store before the one being built (its day from --as-of, else the
 * export's last day), whose hidden rows this one keeps hidden. Read before the store's lock is
 * taken: a snapshot published meanwhile by another run is one this run does not replace.
 */
async function earlierSnapshot(options: SnapshotOptions, normalized: string): Promise<EarlierSnapshot | undefined> {
	const folder = path.join(options.outDir, options.dataset.id);
	const manifest = await readManifest(folder);
	if (!manifest) return undefined;
	const time = q(options.dataset.columns.find((column) => column.role === 'time')!.name);
	const asOf = options.asOf ?? String((await query(`SELECT strftime(max(${time}), '%Y-%m-%d') AS day FROM ${normalized}`))[0]?.day);
	const earlier = manifest.snapshots.filter((entry) => entry.as_of < asOf).at(-1);
	const file = earlier && path.join(folder, earlier.file);
	return earlier && file && (await fileExists(file)) ? { file, end: earlier.time_range.end } : undefined;
}

/** What the new snapshot (the Parquet file `written`) changed of the latest snapshot before `asOf`. */
async function restatementOf(dataset: Dataset, folder: string, asOf: string, written: string) {
	const earlier = (await readManifest(folder))?.snapshots.filter((entry) => entry.as_of < asOf).at(-1);
	const file = earlier && path.join(folder, earlier.file);
	if (!earlier || !file || !(await fileExists(file))) return undefined;
	return findRestatement(dataset, `read_parquet(${quoteLiteral(written)})`, earlier, file);
}
