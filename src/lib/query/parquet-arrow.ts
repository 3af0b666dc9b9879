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
	Dictionary,
	makeData,
	makeVector,
	tableToIPC,
	Table,
	type DataType,
	type Vector,
} from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { vectorOf } from './arrow-vector.ts';

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

/**
 * A column's values as an Arrow vector. Columns without nulls whose values arrive as a typed array
 * (counts, days, doubles) become vectors without a copy; the rest are written into Arrow buffers.
 */
function toVector(values: ArrayLike<unknown>, type: DataType): Vector {
	const noNulls = () => Array.prototype.every.call(values, (value: unknown) => value !== null && value !== undefined);
	if (type instanceof DateDay && noNulls()) {
		return makeVector(makeData({ type, length: values.length, nullCount: 0, data: Int32Array.from(values as ArrayLike<number>) }));
	}
	const typed =
		(values instanceof BigInt64Array && type instanceof Int64) ||
		(values instanceof Float64Array && type instanceof Float64) ||
		(values instanceof Float32Array && type instanceof Float32) ||
		(values instanceof Int32Array && type instanceof Int32);
	if (typed) {
		return makeVector(makeData({ type, length: values.length, nullCount: 0, data: values } as Parameters<typeof makeData>[0]));
	}
	if (type instanceof Utf8) {
		const encoded = dictionaryEncode(values);
		if (encoded) return encoded;
	}
	// DATE arrives as days since the epoch (see the parser below), the unit of Arrow's DateDay.
	return vectorOf(values, type);
}

/**
 * Text columns of a snapshot are dimensions with few distinct values (markets, queues, intents):
 * sent as a dictionary they cost one string per value instead of one per row, which is most of
 * the decoding time of a large snapshot. Returns nothing when the column has nulls or too many
 * distinct values to gain from it.
 */
function dictionaryEncode(values: ArrayLike<unknown>): Vector | undefined {
	const index = new Map<string, number>();
	const keys = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (typeof value !== 'string') return undefined;
		let key = index.get(value);
		if (key === undefined) {
			key = index.size;
			if (key > 65_535) return undefined;
			index.set(value, key);
		}
		keys[i] = key;
	}
	const type = new Dictionary(new Utf8(), new Int32());
	const dictionary = vectorOf([...index.keys()], new Utf8());
	return makeVector(makeData({ type, length: values.length, nullCount: 0, data: keys, dictionary }));
}

/** The typed arrays hyparquet hands over for columns without nulls. */
type TypedArray = Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array;
type TypedArrayClass = new (length: number) => TypedArray;

/**
 * A column's chunks (one per row group or page), in row order, as one array. When every chunk is
 * the same kind of typed array — counts, days, doubles without nulls — the result is one typed
 * array of that kind, copied chunk by chunk, so a snapshot of many row groups keeps the fast path
 * of `toVector` instead of becoming one JavaScript value per row. Other columns (text, nulls)
 * arrive as plain arrays and are joined as such.
 */
export function concatChunks(chunks: readonly ArrayLike<unknown>[]): ArrayLike<unknown> {
	if (chunks.length === 1) return chunks[0]!;
	const length = chunks.reduce((total, chunk) => total + chunk.length, 0);
	const first = chunks[0];
	const Typed = first && ArrayBuffer.isView(first) && !(first instanceof DataView) ? (first.constructor as TypedArrayClass) : undefined;
	if (Typed && chunks.every((chunk) => chunk.constructor === Typed)) {
		const joined = new Typed(length);
		let offset = 0;
		for (const chunk of chunks) {
			joined.set(chunk as never, offset);
			offset += chunk.length;
		}
		return joined;
	}
	const joined = new Array<unknown>(length);
	let offset = 0;
	for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) joined[offset++] = chunk[i];
	return joined;
}

/** Decodes a Parquet file into an Arrow table, column by column: all of them, or only `columns`. */
export async function parquetToArrow(file: ArrayBuffer, columns?: readonly string[]): Promise<Table> {
	let metadata;
	try {
		metadata = parquetMetadata(file);
	} catch (error) {
		throw new ParquetDecodeError(`not a readable Parquet file (${(error as Error).message})`);
	}
	const fields = parquetSchema(metadata)
		.children.map((child) => child.element)
		.filter((element) => !columns || columns.includes(element.name));
	const missing = columns?.filter((name) => !fields.some((element) => element.name === name)) ?? [];
	if (missing.length > 0) throw new ParquetDecodeError(`the snapshot has no column ${missing.map((name) => `"${name}"`).join(', ')}`);
	const types = new Map(fields.map((element) => [element.name, arrowTypeOf(element)]));
	const chunks = new Map<string, { rowStart: number; values: ArrayLike<unknown> }[]>();
	await parquetRead({
		file,
		metadata,
		compressors,
		columns: fields.map((element) => element.name),
		// Days stay numbers: a Date object per row costs more than the whole insert.
		parsers: { dateFromDays: (days: number) => days },
		onChunk: ({ columnName, columnData, rowStart }) => {
			const list = chunks.get(columnName) ?? [];
			list.push({ rowStart, values: columnData });
			chunks.set(columnName, list);
		},
	});
	const vectors: Record<string, Vector> = {};
	for (const [name, type] of types) {
		const parts = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
		vectors[name] = toVector(concatChunks(parts.map((part) => part.values)), type);
	}
	return new Table(vectors);
}

/** The same table as an Arrow IPC stream, the form `insertArrowFromIPCStream` takes. */
export async function parquetToArrowIPC(file: ArrayBuffer, columns?: readonly string[]): Promise<Uint8Array> {
	return tableToIPC(await parquetToArrow(file, columns), 'stream');
}
