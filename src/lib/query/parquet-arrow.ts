/**
 * Parquet → Arrow IPC, in plain JavaScript. DuckDB-WASM would fetch its Parquet reader as an
 * extension from the internet; instead we decode the file ourselves with hyparquet (every common
 * codec through hyparquet-compressors) and hand DuckDB an Arrow stream, which it reads natively.
 */
import {
	Bool,
	DateDay,
	Float32,
	Float64,
	Int32,
	Int64,
	TimestampMillisecond,
	Utf8,
	tableToIPC,
	vectorFromArray,
	Table,
	type DataType,
	type Vector,
} from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export class ParquetDecodeError extends Error {
	override name = 'ParquetDecodeError';
}

/** The Arrow type a top-level Parquet column becomes, or an error naming what is unsupported. */
export function arrowTypeOf(element: SchemaElement): DataType {
	const logical = element.logical_type?.type;
	const converted = element.converted_type;
	switch (element.type) {
		case 'BOOLEAN':
			return new Bool();
		case 'INT32':
			if (converted === 'DATE' || logical === 'DATE') return new DateDay();
			return new Int32();
		case 'INT64':
			if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS') {
				return new TimestampMillisecond();
			}
			return new Int64();
		case 'FLOAT':
			return new Float32();
		case 'DOUBLE':
			return new Float64();
		case 'BYTE_ARRAY':
			if (converted === 'UTF8' || logical === 'STRING' || converted === undefined) return new Utf8();
	}
	throw new ParquetDecodeError(
		`column "${element.name}": Parquet type ${element.type}${converted ? ` (${converted})` : ''} is not supported in the browser`,
	);
}

/** Decodes a whole Parquet file into an Arrow table, column by column. */
export async function parquetToArrow(file: ArrayBuffer): Promise<Table> {
	let metadata;
	try {
		metadata = parquetMetadata(file);
	} catch (error) {
		throw new ParquetDecodeError(`not a readable Parquet file (${(error as Error).message})`);
	}
	const fields = parquetSchema(metadata).children.map((child) => child.element);
	const types = new Map(fields.map((element) => [element.name, arrowTypeOf(element)]));
	const chunks = new Map<string, { rowStart: number; values: ArrayLike<unknown> }[]>();
	await parquetRead({
		file,
		metadata,
		compressors,
		onChunk: ({ columnName, columnData, rowStart }) => {
			const list = chunks.get(columnName) ?? [];
			list.push({ rowStart, values: columnData });
			chunks.set(columnName, list);
		},
	});
	const columns: Record<string, Vector> = {};
	for (const [name, type] of types) {
		const parts = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
		const values: unknown[] = [];
		for (const part of parts) for (let i = 0; i < part.values.length; i++) values.push(part.values[i] ?? null);
		columns[name] = vectorFromArray(values, type);
	}
	return new Table(columns);
}

/** The same table as an Arrow IPC stream, the form `insertArrowFromIPCStream` takes. */
export async function parquetToArrowIPC(file: ArrayBuffer): Promise<Uint8Array> {
	return tableToIPC(await parquetToArrow(file), 'stream');
}
