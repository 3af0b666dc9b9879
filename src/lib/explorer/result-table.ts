/**
 * One page of a result as an HTML table: the whole result stays in Arrow, and only the rows on
 * screen become markup, so paging through 100,000 rows costs what one page costs. Built as a
 * string, escaped, for the workbench to set at once.
 */
import { escapeHtml as escape } from '../html.ts';
import { showValue, type QueryResult } from './result.ts';

export const pageSize = 100;

/** The page count of a result (at least one, so an empty result still shows its columns). */
export const pageCount = (result: QueryResult) => Math.max(1, Math.ceil(result.rowCount / pageSize));

export function resultTableHtml(result: QueryResult, page: number, caption: string): string {
	const head = result.columns
		.map((column) => `<th scope="col" class="ops-result__${column.kind}">${escape(column.name)}<span class="ops-result__type">${escape(column.type)}</span></th>`)
		.join('');
	const body = result
		.rows(page * pageSize, (page + 1) * pageSize)
		.map(
			(row) =>
				`<tr>${row
					.map((value, i) => `<td class="ops-result__${result.columns[i]!.kind}${value === null ? ' ops-result__null' : ''}">${escape(showValue(value))}</td>`)
					.join('')}</tr>`,
		)
		.join('');
	return `<table><caption>${escape(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
