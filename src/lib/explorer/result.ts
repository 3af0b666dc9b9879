/**
 * A query's result in the data explorer, kept as the Arrow table DuckDB-WASM returned and read a
 * page at a time, so that a result of 100,000 rows costs no more to show than one of a hundred.
 * Values come out in one plain form whatever Arrow holds: whole numbers as `bigint` when DuckDB
 * typed them BIGINT (exact, and written back as INT64), other numbers as `number`, dates as
 * `YYYY-MM-DD`, timestamps as ISO text, and NULL as `null`.
 */
import { DataType, type Table } from 'apache-arrow';

export type Value = string | number | bigint | boolean | null;

/** How a column's values behave: what a chart may put on an axis, how a file types them. */
export type ColumnKind = 'integer' | 'number' | 'text' | 'date' | 'timestamp' | 'boolean' | 'other';

export interface ResultColumn {
	name: string;
	/** DuckDB's name for the type, as the schema shows it: BIGINT, DOUBLE, VARCHAR, DATE… */
	type: string;
	kind: ColumnKind;
}

function describe(name: string, type: DataType): ResultColumn {
	if (DataType.isDictionary(type)) return { ...describe(name, type.dictionary), name };
	if (DataType.isInt(type)) {
		const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
		return { name, type: `${type.isSigned ? '' : 'U'}${names[type.bitWidth] ?? 'INTEGER'}`, kind: 'integer' };
	}
	if (DataType.isFloat(type)) return { name, type: type.precision === 2 ? 'DOUBLE' : 'FLOAT', kind: 'number' };
	if (DataType.isDecimal(type)) return { name, type: `DECIMAL(${type.precision},${type.scale})`, kind: 'number' };
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return { name, type: 'VARCHAR', kind: 'text' };
	if (DataType.isDate(type)) return { name, type: 'DATE', kind: 'date' };
	if (DataType.isTimestamp(type)) return { name, type: 'TIMESTAMP', kind: 'timestamp' };
	if (DataType.isBool(type)) return { name, type: 'BOOLEAN', kind: 'boolean' };
	return { name, type: String(type).toUpperCase(), kind: 'other' };
}

function plain(value: unknown, kind: ColumnKind): Value {
	if (value === null || value === undefined) return null;
	if (kind === 'date') return new Date(Number(value)).toISOString().slice(0, 10);
	if (kind === 'timestamp') return new Date(Number(value)).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
	if (kind === 'integer') return typeof value === 'bigint' ? value : Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
	return String(value);
}

export class QueryResult {
	readonly columns: ResultColumn[];
	readonly rowCount: number;
	readonly #table: Table;

	constructor(table: Table) {
		this.#table = table;
		this.columns = table.schema.fields.map((field) => describe(field.name, field.type));
		this.rowCount = table.numRows;
	}

	/** Rows `start` (inclusive) to `end` (exclusive), each a list of values in column order. */
	rows(start: number, end: number): Value[][] {
		const vectors = this.columns.map((_, i) => this.#table.getChildAt(i)!);
		const out: Value[][] = [];
		for (let row = start; row < Math.min(end, this.rowCount); row++) out.push(vectors.map((vector, i) => plain(vector.get(row), this.columns[i]!.kind)));
		return out;
	}

	/** Every value of one column. */
	column(index: number): Value[] {
		const vector = this.#table.getChildAt(index)!;
		const kind = this.columns[index]!.kind;
		const out = new Array<Value>(this.rowCount);
		for (let row = 0; row < this.rowCount; row++) out[row] = plain(vector.get(row), kind);
		return out;
	}

	/** Every row as an object, for a CSV file. */
	records(): Record<string, Value>[] {
		const columns = this.columns.map((_, i) => this.column(i));
		const out: Record<string, Value>[] = [];
		for (let row = 0; row < this.rowCount; row++) out.push(Object.fromEntries(this.columns.map((column, i) => [column.name, columns[i]![row]!])));
		return out;
	}
}

/** A value as the results table shows it. */
export const showValue = (value: Value): string => (value === null ? 'NULL' : String(value));
