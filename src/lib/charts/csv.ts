/** Rows as CSV, for the download of a chart's current view: a header, then text with commas or quotes quoted. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
	const columns = Object.keys(rows[0] ?? {});
	const cell = (value: unknown) => {
		const text = value === null || value === undefined ? '' : String(value);
		return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	return `${[columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n')}\n`;
}
