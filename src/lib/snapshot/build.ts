/**
 * Turns a raw export into a checked Parquet snapshot with a manifest entry. Every problem is a
 * `SnapshotError` naming the input, the column and what is wrong; nothing is written unless all
 * checks pass, and the previous snapshot stays untouched when one fails.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../schemas/dataset.ts';
import { execute, query, quoteIdentifier, quoteLiteral } from '../query/server.ts';
import { readManifest, type Manifest, type SnapshotEntry } from './manifest.ts';

export class SnapshotError extends Error {
	override name = 'SnapshotError';
}

export interface SnapshotOptions {
	dataset: Dataset;
	/** A CSV or Parquet file. */
	input: string;
	/** The day the data is complete to; defaults to the last day in the time column. */
	asOf?: string;
	/** The folder that holds one sub-folder per dataset. */
	outDir: string;
}

export async function buildSnapshot(options: SnapshotOptions): Promise<SnapshotEntry> {
	const { dataset, input } = options;
	const fail = (column: string | undefined, problem: string): never => {
		throw new SnapshotError(`${input}: ${column ? `column "${column}": ` : ''}${problem}`);
	};
	await stat(input).catch(() => fail(undefined, 'no such file'));

	const staging = `staging_${dataset.id}`;
	await execute(`CREATE OR REPLACE TEMP TABLE ${staging} AS SELECT * FROM ${reader(input)}`).catch(
		(error: Error) => fail(undefined, `cannot be read (${firstLine(error.message)})`),
	);
	const found = await query(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${staging})`);
	const foundNames = new Set(found.map((column) => String(column.name)));

	for (const name of dataset.privacy.forbidden_columns) {
		if (foundNames.has(name)) fail(name, 'is a forbidden identifier column; drop it before publishing');
	}
	for (const column of dataset.columns) {
		if (!foundNames.has(column.name)) fail(column.name, `is missing (expected ${column.type})`);
	}
	const declared = new Set(dataset.columns.map((column) => column.name));
	const extra = [...foundNames].filter((name) => !declared.has(name));
	if (extra.length > 0) fail(extra[0], `is not declared in dataset "${dataset.id}"`);

	const [{ rows }] = (await query(`SELECT count(*) AS rows FROM ${staging}`)) as [{ rows: number }];
	if (rows === 0) fail(undefined, 'has no rows');

	for (const column of dataset.columns) {
		const name = quoteIdentifier(column.name);
		const [bad] = await query(
			`SELECT ${name}::VARCHAR AS value FROM ${staging}
			 WHERE ${name} IS NOT NULL AND TRY_CAST(${name} AS ${column.type}) IS NULL LIMIT 1`,
		);
		if (bad) fail(column.name, `expected ${column.type}, found "${bad.value}"`);
		if (!column.nullable) {
			const [{ nulls }] = (await query(
				`SELECT count(*) AS nulls FROM ${staging} WHERE ${name} IS NULL`,
			)) as [{ nulls: number }];
			if (nulls > 0) fail(column.name, `has ${nulls} empty values but is not declared nullable`);
		}
		if (column.role === 'measure') {
			const [negative] = await query(
				`SELECT ${name}::VARCHAR AS value FROM ${staging} WHERE TRY_CAST(${name} AS DOUBLE) < 0 LIMIT 1`,
			);
			if (negative) fail(column.name, `has a negative count (${negative.value})`);
		}
	}

	const time = dataset.columns.find((column) => column.role === 'time');
	const select = dataset.columns
		.map((column) => `CAST(${quoteIdentifier(column.name)} AS ${column.type}) AS ${quoteIdentifier(column.name)}`)
		.join(', ');
	const order = dataset.columns
		.filter((column) => column.role !== 'measure')
		.map((column) => quoteIdentifier(column.name))
		.join(', ');
	let asOf = options.asOf;
	if (!asOf) {
		if (!time) fail(undefined, `dataset "${dataset.id}" has no time column; pass --as-of`);
		const [{ last }] = await query(
			`SELECT strftime(max(CAST(${quoteIdentifier(time!.name)} AS DATE)), '%Y-%m-%d') AS last FROM ${staging}`,
		);
		asOf = String(last);
	}

	const folder = path.join(options.outDir, dataset.id);
	await mkdir(folder, { recursive: true });
	const file = `${asOf}.parquet`;
	const target = path.join(folder, file);
	const temporary = path.join(folder, `.${file}.${process.pid}.tmp`);
	try {
		await execute(
			`COPY (SELECT ${select} FROM ${staging} ORDER BY ${order}) TO ${quoteLiteral(temporary)}
			 (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
		);
		const bytes = await readFile(temporary);
		const entry: SnapshotEntry = {
			as_of: asOf,
			file,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			bytes: bytes.byteLength,
			rows,
			columns: dataset.columns.map(({ name, type }) => ({ name, type })),
		};
		await rename(temporary, target);
		await writeManifest(folder, dataset.id, entry);
		return entry;
	} finally {
		await rm(temporary, { force: true });
		await execute(`DROP TABLE IF EXISTS ${staging}`);
	}
}

function reader(input: string): string {
	const literal = quoteLiteral(input);
	if (/\.parquet$/i.test(input)) return `read_parquet(${literal})`;
	if (/\.(csv|tsv|txt)(\.gz)?$/i.test(input)) return `read_csv(${literal}, header = true, all_varchar = true)`;
	throw new SnapshotError(`${input}: expected a .csv or .parquet file`);
}

async function writeManifest(folder: string, dataset: string, entry: SnapshotEntry): Promise<void> {
	const previous = await readManifest(folder);
	const snapshots = [...(previous?.snapshots ?? []).filter((s) => s.as_of !== entry.as_of), entry];
	snapshots.sort((a, b) => a.as_of.localeCompare(b.as_of));
	const manifest: Manifest = { dataset, latest: snapshots.at(-1)!.as_of, snapshots };
	const target = path.join(folder, 'manifest.json');
	const temporary = `${target}.${process.pid}.tmp`;
	await writeFile(temporary, `${JSON.stringify(manifest, null, '\t')}\n`);
	await rename(temporary, target);
}

function firstLine(message: string): string {
	return message.split('\n')[0]!.trim();
}
