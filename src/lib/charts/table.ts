/**
 * The data table beside each chart: every value the chart draws, for screen readers, for readers
 * without JavaScript and for copying. Built as a string so that the build and the browser produce
 * the same markup from the same rows.
 */
import type { Row } from '../query/rows.ts';
import { formatValue, type Unit } from './format.ts';

const escape = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function dataTableHtml(rows: readonly Row[], options: { unit: Unit; seriesLabel?: string; caption: string }): string {
	const head = ['Period', options.seriesLabel ?? 'Series', 'Numerator', 'Denominator', 'Value']
		.map((label) => `<th scope="col">${escape(label)}</th>`)
		.join('');
	const body = rows
		.map((row) => {
			const cells = [
				String(row.period),
				String(row.series),
				formatValue(row.numerator as number, 'count'),
				formatValue(row.denominator as number, 'count'),
				formatValue(row.value as number | null, options.unit),
			];
			return `<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`;
		})
		.join('');
	return `<table><caption>${escape(options.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
