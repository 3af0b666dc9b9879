/**
 * Prepared aggregates: what a chart's declared filters can show, computed at build time so that
 * the browser redraws a filter change with Plot alone, without DuckDB-WASM.
 *
 * The build runs the chart's own query (`query/metric-sql.ts`) once unfiltered and once per value
 * of each declared filter, every series unfolded, and keeps the summed numerator and denominator
 * of each period and series. The browser answers from them:
 * - no filter, or one declared filter, answered from its prepared set;
 * - a filter on the split's own dimension (`by`), alone or beside one other, by keeping that
 *   series of the set;
 * - the period range, as a contiguous slice of periods;
 * - the top-N fold (`MetricQuery.top`) and "every series", by ranking and summing the slice's
 *   series here exactly as the SQL does (`answer.ts`).
 * Anything else (two declared filters at once) is not prepared: the caller asks the engine.
 * Only the file's own checksum and this shape are trusted; `parsePrepared` says what is wrong.
 */
import type { Row } from '../query/rows.ts';

/** The version of the file's shape; a file of another version is refused. */
export const preparedFormat = 1;

/** Cells of one slice, as columns: each row is a period and a series that have data. */
export interface PreparedCells {
	/** Index into `PreparedChartData.periods`. */
	period: number[];
	/** Index into `PreparedChartData.series`. */
	series: number[];
	/** The summed numerator; null when every value summed was missing. */
	numerator: (number | null)[];
	denominator: (number | null)[];
}

/** The prepared file of one chart. */
export interface PreparedChartData {
	format: typeof preparedFormat;
	/** The snapshot relation it was computed from, which must be the chart's. */
	relation: string;
	/** Every period of the unfiltered chart, `YYYY-MM-DD`, in order. */
	periods: string[];
	/** Every series value, unfolded, in order. */
	series: (string | null)[];
	/** The unfiltered slice. */
	all: PreparedCells;
	/** Per declared filter (but the split's own dimension), per value: its slice. */
	filters: Record<string, Record<string, PreparedCells>>;
}

/** A row of a prepared slice, decoded: before the period range and the top-N fold. */
export interface Cell {
	period: string;
	series: string | null;
	numerator: number | null;
	denominator: number | null;
}

/**
 * Builds the prepared data from rows of the chart's query with every series (`series: 'all'`):
 * `all` unfiltered, `filtered[dimension][value]` with one filter set.
 */
export function buildPrepared(relation: string, all: readonly Row[], filtered: Record<string, Record<string, readonly Row[]>>): PreparedChartData {
	const periods = [...new Set(all.map((row) => String(row.period)))].sort();
	const series = [...new Set(all.map((row) => (row.series === null ? null : String(row.series))))];
	const periodIndex = new Map(periods.map((period, i) => [period, i]));
	const seriesIndex = new Map(series.map((value, i) => [value, i]));
	const cells = (rows: readonly Row[]): PreparedCells => {
		const out: PreparedCells = { period: [], series: [], numerator: [], denominator: [] };
		for (const row of rows) {
			const p = periodIndex.get(String(row.period));
			const s = seriesIndex.get(row.series === null ? null : String(row.series));
			// A filtered slice is part of the whole: a period or series it alone has is a bug upstream.
			if (p === undefined || s === undefined) throw new Error(`prepared data: period ${row.period}, series ${row.series} is in a filtered slice but not in the whole chart`);
			out.period.push(p);
			out.series.push(s);
			out.numerator.push(row.numerator as number | null);
			out.denominator.push(row.denominator as number | null);
		}
		return out;
	};
	const filters: PreparedChartData['filters'] = {};
	for (const [dimension, values] of Object.entries(filtered)) {
		filters[dimension] = Object.fromEntries(Object.entries(values).map(([value, rows]) => [value, cells(rows)]));
	}
	return { format: preparedFormat, relation, periods, series, all: cells(all), filters };
}

/** The cells of a slice as rows. */
export function decodeCells(data: PreparedChartData, cells: PreparedCells): Cell[] {
	return cells.period.map((p, i) => ({
		period: data.periods[p]!,
		series: data.series[cells.series[i]!]!,
		numerator: cells.numerator[i]!,
		denominator: cells.denominator[i]!,
	}));
}

const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';

function checkCells(cells: unknown, where: string, periods: number, series: number): PreparedCells {
	const c = cells as PreparedCells;
	const columns = [c?.period, c?.series, c?.numerator, c?.denominator];
	if (!columns.every(Array.isArray) || !columns.every((column) => column.length === c.period.length)) {
		throw new Error(`${where}: expected four columns of equal length (period, series, numerator, denominator)`);
	}
	const index = (limit: number) => (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) < limit;
	if (!c.period.every(index(periods)) || !c.series.every(index(series)) || !c.numerator.every(isNumberOrNull) || !c.denominator.every(isNumberOrNull)) {
		throw new Error(`${where}: a cell points outside the periods or series, or holds a value that is not a number`);
	}
	return c;
}

/**
 * Reads a prepared file's text and checks its shape against the chart it belongs to; throws a
 * message that says what is wrong with the file.
 */
export function parsePrepared(text: string, relation: string): PreparedChartData {
	let data: PreparedChartData;
	try {
		data = JSON.parse(text) as PreparedChartData;
	} catch (error) {
		throw new Error(`prepared data is not JSON (${(error as Error).message})`);
	}
	if (data?.format !== preparedFormat) throw new Error(`prepared data has format ${JSON.stringify(data?.format)}, expected ${preparedFormat}: rebuild the site`);
	if (data.relation !== relation) throw new Error(`prepared data is of ${data.relation}, but the chart reads ${relation}`);
	if (!Array.isArray(data.periods) || !Array.isArray(data.series) || typeof data.filters !== 'object' || data.filters === null) {
		throw new Error('prepared data lacks its periods, series or filters');
	}
	checkCells(data.all, 'prepared data, whole chart', data.periods.length, data.series.length);
	for (const [dimension, values] of Object.entries(data.filters)) {
		for (const [value, cells] of Object.entries(values)) checkCells(cells, `prepared data, ${dimension} = ${value}`, data.periods.length, data.series.length);
	}
	return data;
}
