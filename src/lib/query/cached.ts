/**
 * Build-time queries of published snapshots, each run once per process. A published relation reads
 * a pinned, checksummed snapshot file (`snapshot/publish.ts`), so the same SQL with the same
 * parameters on the same file always returns the same rows: a review's tiles, its `<Value>`s, its
 * series index, its fallback page in every other locale, and every copy of it ask the same
 * questions, and DuckDB answers each of them once.
 *
 * The key holds the file the relation reads when the query is asked: a relation registered again
 * on another file (another project's snapshot under the same name, in one test process) is asked
 * afresh. A relation that is not registered as a snapshot is not cached at all — the snapshot tool
 * stages and rewrites tables between its statements, and calls `query` from `server.ts` directly.
 */
import type { QueryParam, Row } from './rows.ts';
import { query, registeredFile } from './server.ts';

const answers = new Map<string, Promise<readonly Readonly<Row>[]>>();

/**
 * The rows of `sql` with `params`, a query of the snapshot registered as `relation`: from DuckDB
 * native the first time and from memory after. The rows are shared by every caller and frozen, so
 * that one caller cannot change another's; a failed query is not remembered.
 */
export function cachedQuery(relation: string, sql: string, params: readonly QueryParam[] = []): Promise<readonly Readonly<Row>[]> {
	const file = registeredFile(relation);
	if (file === undefined) return query(sql, params);
	const key = `${relation}\0${file}\0${sql}\0${JSON.stringify(params)}`;
	let rows = answers.get(key);
	if (!rows) {
		rows = query(sql, params).then((fresh) => Object.freeze(fresh.map((row) => Object.freeze(row))));
		answers.set(key, rows);
		rows.catch(() => answers.delete(key));
	}
	return rows;
}

/** How many distinct queries have been answered, for tests. */
export const cachedQueryCount = (): number => answers.size;
