/**
 * Turns a raw export into a checked, privacy-safe Parquet snapshot with a manifest entry. Every
 * problem is a `SnapshotError` naming the input, the column and what is wrong; nothing is written
 * unless all checks pass, and the previous snapshot and manifest stay untouched when a run fails.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../schemas/dataset.ts';
import { execute, query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';
import { engineMessage, SnapshotError } from './errors.ts';
import { resolveInput } from './input.ts';
import { readManifest, type Manifest, type SnapshotEntry, type Suppression } from './manifest.ts';
import { withStoreLock } from './lock.ts';
import { findRestatement } from './restatement.ts';
import { validateStaged } from './validate.ts';
import { commit, crashPoint, fsyncPath, sha256File, temporaryFor, writeAtomic } from './write.ts';

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

export async function buildSnapshot(options: SnapshotOptions): Promise<SnapshotEntry> {
	const { dataset } = options;
	const progress = options.onProgress ?? (() => {});
	const started = performance.now();
	const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	const input = await resolveInput(options.input);
	const where = input.files.length === 1 ? input.files[0]! : options.input;
	const staging = q(`staging_${dataset.id}`);
	const normalized = q(`normalized_${dataset.id}`);
	// CSV is staged as a table, for its row numbers in messages; Parquet is read in place.
	const stage = input.format === 'csv' ? 'TABLE' : 'VIEW';

	try {
		await execute(`CREATE OR REPLACE TEMP ${stage} ${staging} AS SELECT * FROM ${input.reader}`).catch((error: unknown) => {
			const message = engineMessage(error);
			const notParquet = input.format === 'parquet' && /magic|too small|not a parquet|invalid|corrupt|truncat|footer/i.test(message);
			throw new SnapshotError(`${where}: ${notParquet ? 'not a Parquet file, or a truncated one' : 'cannot be read'} (${message})`);
		});
		const columns = (await query(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${staging})`)).map((row) => ({
			name: String(row.name),
			type: String(row.type),
		}));
		const [{ read }] = (await query(`SELECT count(*) AS read FROM ${staging}`)) as [{ read: number }];
		progress(`read ${read.toLocaleString('en')} rows from ${input.files.length} file${input.files.length === 1 ? '' : 's'} (${elapsed()})`);

		await validateStaged({
			dataset,
			table: staging,
			where,
			columns,
			format: input.format,
			...(input.numbered ? { numbered: { reader: input.numbered, files: input.files.length } } : {}),
			allowExtra: options.allowExtra ?? false,
		});
		progress(`checked ${dataset.columns.length} columns, ${dataset.constraints.length} constraints and the privacy rules (${elapsed()})`);

		const select = dataset.columns.map((column) => `CAST(${q(column.name)} AS ${column.type}) AS ${q(column.name)}`).join(', ');
		await execute(`CREATE OR REPLACE TEMP TABLE ${normalized} AS SELECT ${select} FROM ${staging}`);
		const suppression = await suppressSmallCells(dataset, normalized);
		if (suppression && suppression.small_rows > 0) progress(`suppressed ${suppression.small_rows.toLocaleString('en')} rows with ${suppression.rule} (${suppression.method})`);

		const time = dataset.columns.find((column) => column.role === 'time')!;
		const [range] = (await query(
			`SELECT strftime(min(${q(time.name)}), '%Y-%m-%d') AS start, strftime(max(${q(time.name)}), '%Y-%m-%d') AS "end", count(*) AS rows FROM ${normalized}`,
		)) as [{ start: string; end: string; rows: number }];
		if (range.rows === 0) throw new SnapshotError(`${where}: every row is below the minimum cell size; nothing is left to publish`);
		const asOf = options.asOf ?? range.end;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new SnapshotError(`--as-of takes a date such as 2026-11-15, not "${asOf}"`);

		const folder = path.join(options.outDir, dataset.id);
		await mkdir(folder, { recursive: true });
		// One writer per store at a time, from the roll-back of a crashed run to the manifest.
		return await withStoreLock(options.outDir, async () => {
			await recoverSnapshots(folder);
			const file = `${asOf}.parquet`;
			const target = path.join(folder, file);
			const temporary = temporaryFor(target);
			const previous = previousFor(target);
			// Sorted by time, then dimensions, so readers scan in order and reruns write the same bytes.
			const order = [time, ...dataset.columns.filter((column) => column.role === 'dimension')].map((column) => q(column.name)).join(', ');
			try {
				await execute(
					`COPY (SELECT * FROM ${normalized} ORDER BY ${order}) TO ${quoteLiteral(temporary)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
				);
				crashPoint('after-parquet');
				const restated = await restatementOf(dataset, folder, asOf, temporary);
				if (restated) progress(`restates ${restated.days.length} day${restated.days.length === 1 ? '' : 's'} of ${dataset.id}@${restated.since} (${restated.days[0]} to ${restated.days.at(-1)}, ${restated.rows} rows)`);
				const entry: SnapshotEntry = {
					as_of: asOf,
					file,
					sha256: await sha256File(temporary),
					bytes: (await stat(temporary)).size,
					rows: range.rows,
					columns: dataset.columns.map(({ name, type }) => ({ name, type })),
					time_range: { start: range.start, end: range.end },
					sources: input.files.map((source) => path.basename(source)),
					...(suppression ? { suppression } : {}),
					...(restated ? { restated } : {}),
					tool: await toolVersion,
				};
				// Replacing a snapshot of the same day: keep the old file until the manifest no longer
				// names it, so that an interrupted run can be rolled back (see recoverSnapshots).
				if (await exists(target)) {
					await rename(target, previous);
					await fsyncPath(folder);
				}
				await commit(temporary, target);
				await writeManifest(folder, dataset.id, entry);
				await rm(previous, { force: true });
				progress(`wrote ${entry.rows.toLocaleString('en')} rows, ${(entry.bytes / 1024).toFixed(0)} KiB (${elapsed()})`);
				return entry;
			} finally {
				await rm(temporary, { force: true });
			}
		}, { onWait: progress });
	} finally {
		// Cleaning up must never hide the error that brought us here.
		await execute(`DROP ${stage} IF EXISTS ${staging}; DROP TABLE IF EXISTS ${normalized}`).catch(() => {});
	}
}

/** What the new snapshot (the Parquet file `written`) changed of the latest snapshot before `asOf`. */
async function restatementOf(dataset: Dataset, folder: string, asOf: string, written: string) {
	const earlier = (await readManifest(folder))?.snapshots.filter((entry) => entry.as_of < asOf).at(-1);
	const file = earlier && path.join(folder, earlier.file);
	if (!earlier || !file || !(await exists(file))) return undefined;
	return findRestatement(dataset, `read_parquet(${quoteLiteral(written)})`, earlier, file);
}

/** Drops or rolls up the rows whose cell measure is below the dataset's minimum cell size. */
async function suppressSmallCells(dataset: Dataset, table: string): Promise<Suppression | undefined> {
	const { cell_measure: measure, min_cell_size: min, small_cells: method, rollup_dimension: rollup } = dataset.privacy;
	if (!measure || min === 0) return undefined;
	const small = `${q(measure)} < ${min}`;
	const [{ count }] = (await query(`SELECT count(*) AS count FROM ${table} WHERE ${small}`)) as [{ count: number }];
	const suppression: Suppression = { rule: `${measure} < ${min}`, method, small_rows: count, rolled_up_rows: 0, dropped_rows: 0, dropped_total: 0 };
	if (count === 0) return suppression;

	if (method === 'rollup' && rollup) {
		const keys = dataset.columns.filter((c) => c.role !== 'measure' && c.name !== rollup).map((c) => q(c.name));
		const rolled = dataset.columns
			.map((c) => (c.name === rollup ? `'(other)' AS ${q(c.name)}` : c.role === 'measure' ? `sum(${q(c.name)})::BIGINT AS ${q(c.name)}` : q(c.name)))
			.join(', ');
		await execute(`CREATE OR REPLACE TEMP TABLE rolled AS SELECT ${rolled} FROM ${table} WHERE ${small} GROUP BY ${keys.join(', ')}`);
		await execute(`DELETE FROM ${table} WHERE ${small}`);
		await execute(`INSERT INTO ${table} SELECT ${dataset.columns.map((c) => q(c.name)).join(', ')} FROM rolled`);
		await execute('DROP TABLE rolled');
	}
	// Whatever is still small (every row with drop, a roll-up that stayed small with rollup) goes.
	const [{ dropped, total }] = (await query(`SELECT count(*) AS dropped, coalesce(sum(${q(measure)}), 0) AS total FROM ${table} WHERE ${small}`)) as [
		{ dropped: number; total: number },
	];
	await execute(`DELETE FROM ${table} WHERE ${small}`);
	suppression.dropped_rows = dropped;
	suppression.dropped_total = total;
	if (method === 'rollup' && rollup) {
		const [{ kept }] = (await query(`SELECT count(*) AS kept FROM ${table} WHERE ${q(rollup)} = '(other)'`)) as [{ kept: number }];
		suppression.rolled_up_rows = kept;
	}
	return suppression;
}

const exists = (file: string) => stat(file).then(
	() => true,
	() => false,
);

/** Where the snapshot a run replaces waits until the new manifest is written. */
const previousFor = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.previous`);

/**
 * Undoes what an interrupted run left in a dataset folder: temporary files are removed, and a
 * replaced snapshot whose manifest still names the old file is put back. Runs at the start of
 * every snapshot of the dataset.
 */
export async function recoverSnapshots(folder: string): Promise<string[]> {
	const actions: string[] = [];
	const manifest = await readManifest(folder);
	for (const name of await readdir(folder).catch(() => [] as string[])) {
		const file = path.join(folder, name);
		if (/^\..*\.\d+\.tmp$/.test(name)) {
			await rm(file, { force: true });
			actions.push(`removed ${name}`);
			continue;
		}
		const match = /^\.(.+\.parquet)\.previous$/.exec(name);
		if (!match) continue;
		const target = path.join(folder, match[1]!);
		const listed = manifest?.snapshots.find((entry) => entry.file === match[1]);
		if (listed && listed.sha256 === (await sha256File(file))) {
			await rename(file, target);
			actions.push(`restored ${match[1]} (the manifest still names it)`);
		} else {
			await rm(file, { force: true });
			actions.push(`removed the replaced ${match[1]}`);
		}
	}
	if (actions.length > 0) await fsyncPath(folder);
	return actions;
}

async function writeManifest(folder: string, dataset: string, entry: SnapshotEntry): Promise<void> {
	const previous = await readManifest(folder);
	const snapshots = [...(previous?.snapshots ?? []).filter((s) => s.as_of !== entry.as_of), entry];
	snapshots.sort((a, b) => a.as_of.localeCompare(b.as_of));
	const manifest: Manifest = { dataset, latest: snapshots.at(-1)!.as_of, snapshots };
	await writeAtomic(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	crashPoint('after-manifest');
}
