/**
 * Columns as a Parquet file, written in the browser by hyparquet-writer — the data explorer's
 * "Download Parquet": DuckDB-WASM's own `COPY … TO` needs its Parquet extension, which it would
 * fetch from the internet. Beside `parquet-arrow.ts`, the reading half, so that Parquet in
 * JavaScript stays in this folder. Types follow each column's kind: whole numbers as INT64, other
 * numbers as DOUBLE, text as UTF-8 strings, dates as DATE, timestamps as milliseconds, booleans as
 * BOOLEAN; NULL stays NULL.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';

export type ParquetKind = 'integer' | 'number' | 'text' | 'date' | 'timestamp' | 'boolean' | 'other';

export interface ParquetColumn {
	name: string;
	kind: ParquetKind;
	/** Values as the explorer holds them: bigint or number, text, `YYYY-MM-DD`, ISO timestamps, booleans, null. */
	values: readonly (string | number | bigint | boolean | null)[];
}

type SchemaElement = Parameters<typeof parquetWriteBuffer>[0]['schema'] extends (infer E)[] | undefined ? E : never;

function element({ name, kind }: ParquetColumn): SchemaElement {
	const base = { name, repetition_type: 'OPTIONAL' as const };
	switch (kind) {
		case 'integer':
			return { ...base, type: 'INT64' };
		case 'number':
			return { ...base, type: 'DOUBLE' };
		case 'date':
			return { ...base, type: 'INT32', converted_type: 'DATE' };
		case 'timestamp':
			return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
		case 'boolean':
			return { ...base, type: 'BOOLEAN' };
		default:
			return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
	}
}

function values({ kind, values: data }: ParquetColumn): unknown[] {
	switch (kind) {
		case 'integer':
			return data.map((value) => (value === null ? null : BigInt(value as bigint | number)));
		case 'date':
			return data.map((value) => (value === null ? null : new Date(`${value}T00:00:00Z`)));
		case 'timestamp':
			return data.map((value) => (value === null ? null : new Date(`${String(value).replace(' ', 'T')}Z`)));
		case 'number':
		case 'boolean':
			return [...data];
		default:
			return data.map((value) => (value === null ? null : String(value)));
	}
}

export function columnsToParquet(columns: readonly ParquetColumn[]): ArrayBuffer {
	return parquetWriteBuffer({
		schema: [{ name: 'root', num_children: columns.length }, ...columns.map(element)],
		columnData: columns.map((column) => ({ name: column.name, data: values(column) as never })),
	});
}
