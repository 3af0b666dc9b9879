/**
 * DuckDB-WASM, in the reader's browser. The only module that imports `@duckdb/duckdb-wasm` (a wall
 * of docs/architecture.md, kept by tests/unit/walls.test.ts). The engine, its worker and every
 * snapshot come from the site's own origin; extension autoloading is off, so nothing reaches for
 * the internet, and Parquet is decoded in JavaScript instead of by DuckDB's downloadable Parquet
 * extension.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { fetchChecked } from '../browser/fetch-checked.ts';
import { parquetToArrowIPC } from './parquet-arrow.ts';
import { quoteIdentifier } from './quote.ts';
import { normalizeRows, type QueryParam, type Row } from './rows.ts';

let connection: Promise<AsyncDuckDBConnection> | undefined;
/** Per relation: the columns loaded (or loading) into its table, and the load itself. */
const loaded = new Map<string, { columns: Set<string>; done: Promise<void> }>();

/** One database for the whole page, started on first use and shared by every chart. */
export function getConnection(): Promise<AsyncDuckDBConnection> {
	connection ??= (async () => {
		performance.mark('opsbook:engine-start');
		const db = new AsyncDuckDB(new VoidLogger(), new Worker(new URL('./engine-worker.ts', import.meta.url), { name: workerUrl }));
		await db.instantiate(wasmUrl);
		// BIGINT stays exact (the explorer shows and writes it as such; charts' rows are folded to
		// numbers by normalizeRows); HUGEINT and DECIMAL, such as a sum of BIGINT, arrive as DOUBLE.
		await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
		const conn = await db.connect();
		await conn.query('SET autoinstall_known_extensions = false');
		await conn.query('SET autoload_known_extensions = false');
		// `npm run bench` reads this span: the engine's cold start, against a bare DuckDB-WASM page.
		performance.measure('opsbook:engine', 'opsbook:engine-start');
		return conn;
	})();
	return connection;
}

/**
 * Loads a snapshot into a table named after its relation (`dataset@as_of`, one per pinned ref, as at
 * build time), once per page, decoding only `columns` (the ones the page's charts read). A later
 * request for more columns loads the table again with all of them. The file is fetched while the
 * engine starts and checked against the manifest.
 */
export function loadSnapshot(snapshot: { relation: string; url: string; sha256: string }, columns: readonly string[]): Promise<void> {
	const key = snapshot.relation;
	const current = loaded.get(key);
	if (current && columns.every((column) => current.columns.has(column))) return current.done;
	const wanted = new Set([...(current?.columns ?? []), ...columns]);
	const bytes = fetched.get(snapshot.url) ?? fetchSnapshot(snapshot);
	fetched.set(snapshot.url, bytes);
	const done = (async () => {
		await current?.done.catch(() => {});
		const [conn, file] = await Promise.all([getConnection(), bytes]);
		const ipc = await parquetToArrowIPC(file, [...wanted]);
		await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(snapshot.relation)}`);
		await conn.insertArrowFromIPCStream(ipc, { name: snapshot.relation, create: true });
	})();
	// A failed load may be retried by the next interaction.
	done.catch(() => {
		loaded.delete(key);
		fetched.delete(snapshot.url);
	});
	loaded.set(key, { columns: wanted, done });
	return done;
}

/** Snapshot files fetched by this page, by URL: fetched once, however often they are loaded. */
const fetched = new Map<string, Promise<ArrayBuffer>>();

const fetchSnapshot = (snapshot: { url: string; sha256: string }) => fetchChecked(snapshot.url, snapshot.sha256, 'snapshot', 'manifest checksum');

/** Runs `sql` with positional parameters as a prepared statement and returns plain rows. */
export async function query(sql: string, params: readonly QueryParam[] = []): Promise<Row[]> {
	const conn = await getConnection();
	const statement = await conn.prepare(sql);
	try {
		const table = await statement.query(...params);
		return normalizeRows(table.toArray().map((row) => row.toJSON() as Record<string, unknown>));
	} finally {
		await statement.close();
	}
}

/**
 * Makes a published snapshot queryable under a plain name (the data explorer's `bot_service_daily`):
 * the snapshot is loaded whole into its relation's table, and `name` becomes a view of it, so that
 * choosing another snapshot points the same name at other rows.
 */
export async function useSnapshotAs(snapshot: { relation: string; url: string; sha256: string }, columns: readonly string[], name: string): Promise<void> {
	await loadSnapshot(snapshot, columns);
	const conn = await getConnection();
	await conn.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(snapshot.relation)}`);
}

/**
 * Closes the engine to everything but the tables already loaded and those `loadSnapshot` adds: no
 * file, URL or extension can be read by SQL a reader writes, so the explorer answers from published
 * snapshots and nothing else. DuckDB refuses to turn this back on while the database runs.
 */
export async function closeToFiles(): Promise<void> {
	const conn = await getConnection();
	await conn.query('SET enable_external_access = false');
}

/**
 * Runs SQL a reader wrote — any statements; the last one's result is returned — as the Arrow table
 * the engine gives, for the explorer to read a page at a time. DuckDB's error, with its position,
 * is thrown as it worded it.
 */
export async function runSql(sql: string): Promise<Table> {
	const conn = await getConnection();
	return (await conn.query(sql)) as unknown as Table;
}
