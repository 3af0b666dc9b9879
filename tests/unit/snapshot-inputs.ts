/**
 * Test inputs for the snapshot pipeline: a small slice of the demo bot export, written as CSV and
 * as Parquet by three different writers (DuckDB, hyparquet-writer in JavaScript, and arrow-rs via
 * parquet-wasm) with every common codec, several row groups and dictionary pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateDay, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import * as arrowRs from 'parquet-wasm';
import { botServiceColumns, botServiceDaily } from '../../scripts/demo/bot-service.ts';
import { execute, quoteLiteral } from '../../src/lib/query/server.ts';

type Row = Record<string, string | number | null>;

/** The last `days` days of the demo export for four markets, large and small: a few thousand rows. */
export function sampleRows(days = 60): Row[] {
	const rows = [...botServiceDaily({ days })] as Row[];
	return rows.filter((row) => ['US', 'SG', 'TH', 'MY'].includes(row.market as string));
}

export const header = botServiceColumns.join(',');
/** A CSV field, quoted when it holds a comma, a quote or a line break. */
const field = (value: string | number | null) => (/[",\r\n]/.test(String(value ?? '')) ? `"${String(value).replaceAll('"', '""')}"` : String(value ?? ''));
export const toCsv = (rows: Row[]) => `${header}\n${rows.map((row) => botServiceColumns.map((c) => field(row[c] ?? null)).join(',')).join('\n')}\n`;

export async function writeCsv(file: string, rows: Row[]): Promise<string> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, toCsv(rows));
	return file;
}

const measures = botServiceColumns.slice(3);

/** DuckDB's writer: the CSV read back with declared types, written with `codec`, at most 1,000 rows a row group. */
export async function writeDuckdbParquet(csv: string, file: string, codec: string, dateAs: 'DATE' | 'TIMESTAMP' = 'DATE'): Promise<string> {
	const casts = [`CAST("date" AS ${dateAs}) AS "date"`, 'market', 'intent', ...measures.map((m) => `CAST(${m} AS BIGINT) AS ${m}`)].join(', ');
	await execute(
		`COPY (SELECT ${casts} FROM read_csv(${quoteLiteral(csv)}, header = true, all_varchar = true)) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 1000)`,
	);
	return file;
}

/** hyparquet-writer: dates as TIMESTAMP at midnight, as many JavaScript exports write them. */
export async function writeHyparquet(file: string, rows: Row[]): Promise<string> {
	const buffer = parquetWriteBuffer({
		columnData: [
			{ name: 'date', data: rows.map((row) => new Date(`${row.date}T00:00:00Z`)), type: 'TIMESTAMP' },
			{ name: 'market', data: rows.map((row) => row.market as string), type: 'STRING' },
			{ name: 'intent', data: rows.map((row) => row.intent as string), type: 'STRING' },
			...measures.map((m) => ({ name: m, data: rows.map((row) => (row[m] === null ? null : BigInt(row[m] as number))), type: 'INT64' as const })),
		],
		rowGroupSize: 1000,
	});
	await writeFile(file, new Uint8Array(buffer));
	return file;
}

/** arrow-rs (through parquet-wasm), the writer behind many Rust and Python pipelines. */
export async function writeArrowRs(file: string, rows: Row[], compression: keyof typeof arrowRs.Compression): Promise<string> {
	const table = new Table({
		date: vectorFromArray(rows.map((row) => new Date(`${row.date}T00:00:00Z`)), new DateDay()),
		market: vectorFromArray(rows.map((row) => row.market as string), new Utf8()),
		intent: vectorFromArray(rows.map((row) => row.intent as string), new Utf8()),
		...Object.fromEntries(measures.map((m) => [m, vectorFromArray(rows.map((row) => (row[m] === null ? null : BigInt(row[m] as number))), new Int64())])),
	});
	const wasmTable = arrowRs.Table.fromIPCStream(tableToIPC(table, 'stream'));
	const properties = new arrowRs.WriterPropertiesBuilder().setCompression(arrowRs.Compression[compression]).setMaxRowGroupSize(1000).build();
	await writeFile(file, arrowRs.writeParquet(wasmTable, properties));
	return file;
}
