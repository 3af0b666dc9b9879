/**
 * The data table beside each chart: every value the chart draws, for screen readers, for readers
 * without JavaScript and for copying. Built as a string so that the build and the browser produce
 * the same markup from the same rows. Its headers say what each column counts ("Sessions",
 * "Escalated sessions"), never "Numerator".
 */
import type { Row } from '../query/rows.ts';
import { formatValue, type Unit } from './format.ts';
import { escapeHtml } from '../html.ts';

/** Headers of the columns that are not the series or the metric itself. */
export interface TableColumns {
	/** e.g. "Week". */
	period: string;
	/** What the numerator counts, e.g. "Escalated sessions". */
	numerator: string;
	/** What the denominator counts, e.g. "Sessions". */
	denominator: string;
}

export function dataTableHtml(
	rows: readonly Row[],
	options: { unit: Unit; seriesLabel?: string; caption: string; columns: TableColumns },
): string {
	// A chart of one series has no series column: every row would say "all".
	const split = options.seriesLabel !== undefined;
	const head = [options.columns.period, ...(split ? [options.seriesLabel!] : []), options.columns.numerator, options.columns.denominator, options.caption]
		.map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
		.join('');
	const body = rows
		.map((row) => {
			const cells = [
				String(row.period),
				...(split ? [String(row.series)] : []),
				formatValue(row.numerator as number, 'count'),
				formatValue(row.denominator as number, 'count'),
				formatValue(row.value as number | null, options.unit),
			];
			return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
		})
		.join('');
	return `<table><caption>${escapeHtml(options.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The table of a chart, from its config: the build and the browser call this alike. */
export function chartTableHtml(rows: readonly Row[], chart: { unit: Unit; seriesLabel?: string; title: string; text: { columns: TableColumns } }): string {
	return dataTableHtml(rows, { unit: chart.unit, seriesLabel: chart.seriesLabel, caption: chart.title, columns: chart.text.columns });
}
