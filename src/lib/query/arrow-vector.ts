/**
 * Arrow vectors from plain column values, written straight into Arrow's buffers. Arrow's own
 * builders (`vectorFromArray`, `makeBuilder`) compile their null test with `new Function`, which
 * the site's Content-Security-Policy refuses (no `'unsafe-eval'`), so the browser never uses them.
 */
import { Bool, DateDay, Float32, Float64, Int32, Int64, makeData, makeVector, TimestampMillisecond, Utf8, type DataType, type Vector } from 'apache-arrow';

/** The validity bitmap of `values` (bit set = present) and how many are null. */
function validity(values: ArrayLike<unknown>): { nullBitmap: Uint8Array; nullCount: number } {
	const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null || values[i] === undefined) nullCount++;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	}
	return { nullBitmap, nullCount };
}

function utf8(values: ArrayLike<unknown>): { valueOffsets: Int32Array; data: Uint8Array } {
	const encoder = new TextEncoder();
	const parts = Array.from(values, (value) => encoder.encode(value === null || value === undefined ? '' : String(value)));
	const valueOffsets = new Int32Array(values.length + 1);
	for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i]! + parts[i]!.length;
	const data = new Uint8Array(valueOffsets[values.length]!);
	for (let i = 0; i < parts.length; i++) data.set(parts[i]!, valueOffsets[i]!);
	return { valueOffsets, data };
}

/** Milliseconds since the epoch of a timestamp value: a Date, a number or a bigint. */
const millis = (value: unknown): bigint => (value instanceof Date ? BigInt(value.getTime()) : typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value))));

/**
 * A vector of `type` holding `values`, `null` or `undefined` marking a missing value. DATE values
 * are days since the epoch, TIMESTAMP values Dates or milliseconds.
 */
export function vectorOf(values: ArrayLike<unknown>, type: DataType): Vector {
	const { nullBitmap, nullCount } = validity(values);
	const length = values.length;
	const present = (i: number) => values[i] !== null && values[i] !== undefined;
	const fill = <T extends { [i: number]: unknown }>(array: T, convert: (value: unknown) => T[number]): T => {
		for (let i = 0; i < length; i++) if (present(i)) array[i] = convert(values[i]);
		return array;
	};
	const common = { length, nullCount, nullBitmap };
	if (type instanceof Utf8) return makeVector(makeData({ type, ...common, ...utf8(values) }));
	if (type instanceof Bool) {
		const data = new Uint8Array(Math.ceil(length / 8));
		for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
		return makeVector(makeData({ type, ...common, data }));
	}
	if (type instanceof DateDay) return makeVector(makeData({ type, ...common, data: fill(new Int32Array(length), Number) }));
	if (type instanceof Int32) return makeVector(makeData({ type, ...common, data: fill(new Int32Array(length), Number) }));
	if (type instanceof Float32) return makeVector(makeData({ type, ...common, data: fill(new Float32Array(length), Number) }));
	if (type instanceof Float64) return makeVector(makeData({ type, ...common, data: fill(new Float64Array(length), Number) }));
	if (type instanceof Int64) return makeVector(makeData({ type, ...common, data: fill(new BigInt64Array(length), (value) => BigInt(value as bigint | number)) }));
	if (type instanceof TimestampMillisecond) return makeVector(makeData({ type, ...common, data: fill(new BigInt64Array(length), millis) }));
	throw new Error(`no Arrow vector for type ${String(type)}`);
}
