/**
 * DuckDB's error, with the place it points at. DuckDB ends a parser, binder or catalog error with
 * the offending line and a caret under the position:
 *
 *     Binder Error: Referenced column "nosuch" not found in FROM clause!
 *
 *     LINE 1: select nosuch from range(3)
 *                    ^
 *
 * and shortens a long line with "..." on either side. This finds the line and column (1-based) in
 * the query the reader wrote, so the workbench can say where and put the cursor there.
 */

export interface SqlError {
	/** DuckDB's message, as it said it. */
	message: string;
	line?: number;
	column?: number;
}

export function sqlError(raw: string, sql: string): SqlError {
	// DuckDB-WASM repeats the block that shows the line; once is enough.
	const message = raw.replace(/(\n\nLINE \d+: .*\n *\^)(?:\1)+/g, '$1');
	const found = /\n\nLINE (\d+): (.*)\n( *)\^/.exec(message);
	if (!found) return { message };
	const line = Number(found[1]);
	const shown = found[2]!;
	const caret = found[3]!.length - `LINE ${found[1]}: `.length;
	const text = sql.split('\n')[line - 1];
	if (text === undefined || caret < 0) return { message };
	// A shortened line: find the part DuckDB showed in the line the reader wrote.
	const lead = shown.startsWith('...') ? 3 : 0;
	const fragment = shown.slice(lead).replace(/\.\.\.$/, '');
	const at = lead === 0 ? 0 : text.indexOf(fragment);
	if (at < 0) return { message, line };
	return { message, line, column: at + caret - lead + 1 };
}

/** The offset of a line and column in `sql`, for the textarea's cursor. */
export function offsetOf(sql: string, line: number, column = 1): number {
	const lines = sql.split('\n');
	return lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
}
