/** One problem found in a content or data file, at its place. */
export interface Diagnostic {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line and column of the offending node (the file's start when there is none). */
	line: number;
	column: number;
	/** The field path inside the document, e.g. `labels[1].examples`; empty for the file itself. */
	field: string;
	message: string;
	severity: 'error' | 'warning';
}

/** `path/to/file.mdx:12:5  labels[1].id  message`, the form editors and CI annotations link. */
export function formatDiagnostic(d: Diagnostic): string {
	const where = `${d.file}:${d.line}:${d.column}`;
	const prefix = d.severity === 'warning' ? 'warning: ' : '';
	return d.field ? `${where}  ${d.field}  ${prefix}${d.message}` : `${where}  ${prefix}${d.message}`;
}

export { fieldPath } from '../content/issues.ts';
