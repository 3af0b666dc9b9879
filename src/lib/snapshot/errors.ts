/** A problem with the input, said in one line that names the file and the column: no stack trace. */
export class SnapshotError extends Error {
	override name = 'SnapshotError';
}

/** DuckDB's first line, without its "X Error:" prefix. */
export function engineMessage(error: unknown): string {
	return String((error as Error).message ?? error)
		.split('\n')[0]!
		.replace(/^[A-Za-z ]+ Error: /, '')
		.trim();
}
