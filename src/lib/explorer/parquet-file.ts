/**
 * A query's result as a Parquet file, written in the browser by hyparquet-writer: DuckDB-WASM's
 * own `COPY … TO` needs its Parquet extension, which it would fetch from the internet. Column
 * types follow the result's: BIGINT as INT64, other numbers as DOUBLE, text as UTF-8 strings,
 * dates as DATE, timestamps as milliseconds, booleans as BOOLEAN; NULL stays NULL.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { QueryResult, ResultColumn, Value } from './result.ts';

type SchemaElement = Parameters<typeof parquetWriteBuffer>[0]['schema'] extends (infer E)[] | undefined ? E : never;

function element(column: ResultColumn): SchemaElement {
	const base = { name: column.name, repetition_type: 'OPTIONAL' as const };
	switch (column.kind) {
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

function values(column: ResultColumn, data: Value[]): unknown[] {
	switch (column.kind) {
		case 'integer':
			return data.map((value) => (value === null ? null : BigInt(value as bigint | number)));
		case 'date':
			return data.map((value) => (value === null ? null : new Date(`${value}T00:00:00Z`)));
		case 'timestamp':
			return data.map((value) => (value === null ? null : new Date(`${String(value).replace(' ', 'T')}Z`)));
		case 'number':
		case 'boolean':
			return data;
		default:
			return data.map((value) => (value === null ? null : String(value)));
	}
}

export function resultToParquet(result: QueryResult): ArrayBuffer {
	return parquetWriteBuffer({
		schema: [{ name: 'root', num_children: result.columns.length }, ...result.columns.map(element)],
		columnData: result.columns.map((column, i) => ({ name: column.name, data: values(column, result.column(i)) as never })),
	});
}
