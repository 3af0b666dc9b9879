/**
 * DuckDB native, for build time and scripts. The only module that imports `@duckdb/node-api`:
 * everything else asks it for rows.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { normalizeRows, type QueryParam, type Row } from './rows.ts';

let connection: Promise<DuckDBConnection> | undefined;

/** One in-memory database per process, shared by every page and chart of a build. */
export function getConnection(): Promise<DuckDBConnection> {
	connection ??= DuckDBInstance.create(':memory:').then((instance) => instance.connect());
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

/** Makes a Parquet snapshot queryable under its dataset id, as the browser does with its copy. */
export async function registerSnapshot(dataset: string, file: string): Promise<void> {
	await execute(
		`CREATE OR REPLACE VIEW ${quoteIdentifier(dataset)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`,
	);
}

/** Quotes an identifier for SQL; ids are checked by their schemas, this is the second wall. */
export function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal where DuckDB takes no parameter (DDL such as views and COPY). */
export function quoteLiteral(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}
