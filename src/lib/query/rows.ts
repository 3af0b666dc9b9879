/** A value bound to a query parameter. */
export type QueryParam = string | number | boolean | null;

/** A row as charts and tables take it: only strings, numbers and nulls. */
export type Row = Record<string, string | number | null>;

/**
 * Brings the values of either engine to the same plain form: DuckDB native and DuckDB-WASM (via
 * Arrow) return BIGINT as `bigint` and DATE as `Date` or epoch milliseconds, which must not reach
 * a chart as different types on each side. Queries return dates as `YYYY-MM-DD` strings, so only
 * numbers need folding here; a `Date` that slips through becomes its ISO day.
 */
export function normalizeRows(rows: readonly Record<string, unknown>[]): Row[] {
	return rows.map((row) => {
		const out: Row = {};
		for (const [key, value] of Object.entries(row)) out[key] = normalizeValue(value);
		return out;
	});
}

function normalizeValue(value: unknown): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}
