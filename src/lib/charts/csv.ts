/**
 * Rows as CSV, for the download of a chart's current view: a header of the first row's keys,
 * then one line per row. d3-dsv (already in the bundle through Plot) does the quoting: a cell
 * holding a comma, a quote, a line feed or a carriage return is quoted, with quotes doubled;
 * an empty value is an empty cell.
 */
import { csvFormat } from 'd3-dsv';

export function toCsv(rows: readonly Record<string, unknown>[]): string {
	const columns = Object.keys(rows[0] ?? {});
	return `${csvFormat(rows as Record<string, unknown>[], columns)}\n`;
}
