/**
 * DuckDB native, for build time and scripts. The only module that imports `@duckdb/node-api`:
 * everything else asks it for rows (a wall of docs/architecture.md, kept by tests/unit/walls.test.ts).
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from './quote.ts';
import { normalizeRows, type QueryParam, type Row } from './rows.ts';

// Quoting is written once in quote.ts for both engines; callers of the native engine import it here.
export { quoteIdentifier, quoteLiteral } from './quote.ts';

let connection: Promise<DuckDBConnection> | undefined;

/**
 * One in-memory database per process, shared by every page and chart of a build.
 *
 * DuckDB's external file cache is off: it keeps what it read of a file by path, and a file written
 * again under the same name could be read as the one before it. The snapshot tool does just that
 * (its temporary file, a day republished) and reads the file back in the same process: with the
 * cache on, republishing bot@2026-01-11 in tests/unit/snapshot-checks.test.ts recorded the range
 * and day of the snapshot written before it, in every run on this machine on 2 December 2026.
 */
export function getConnection(): Promise<DuckDBConnection> {
	connection ??= DuckDBInstance.create(':memory:', { enable_external_file_cache: 'false' }).then((instance) => instance.connect());
	return connection;
}

/** Runs `sql` with positional parameters (`$1`, `$2`, …) and returns plain rows. */
export async function query(sql: string, params: readonly QueryParam[] = []): Promise<Row[]> {
	const db = await getConnection();
	const reader = await db.runAndReadAll(sql, params as DuckDBValue[]);
	return normalizeRows(reader.getRowObjectsJS());
}

/** Runs a statement that returns no rows of interest. */
export async function execute(sql: string, params: readonly QueryParam[] = []): Promise<void> {
	const db = await getConnection();
	await db.run(sql, params as DuckDBValue[]);
}

/**
 * Makes a Parquet file queryable as `relation`, as the browser does with its copy. Each pinned
 * snapshot has a relation of its own (see `snapshot/paths.ts`), so one never replaces another.
 */
export async function registerSnapshot(relation: string, file: string): Promise<void> {
	registered.delete(relation);
	await execute(`CREATE OR REPLACE VIEW ${quoteIdentifier(relation)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
	registered.set(relation, file);
}

/** The file each relation reads, as `registerSnapshot` last set it (see `query/cached.ts`). */
const registered = new Map<string, string>();

/** The Parquet file `relation` reads, or `undefined` while it is not (or is being) registered. */
export const registeredFile = (relation: string): string | undefined => registered.get(relation);

/**
 * Writes the rows of the Parquet file `source` whose columns hold the given values to `target`, in
 * the source's order and with the store's Parquet settings, so the same input writes the same bytes.
 */
export async function copyParquetWhere(source: string, target: string, keep: Readonly<Record<string, readonly string[]>>): Promise<number> {
	const where = Object.entries(keep).map(([column, values]) => `${quoteIdentifier(column)}::VARCHAR IN (${values.map(quoteLiteral).join(', ')})`);
	const select = `SELECT * FROM read_parquet(${quoteLiteral(source)})${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`;
	const [{ rows }] = (await query(`SELECT count(*) AS rows FROM (${select})`)) as [{ rows: number }];
	await execute(`COPY (${select}) TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
	return rows;
}

