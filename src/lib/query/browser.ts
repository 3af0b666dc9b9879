/**
 * DuckDB-WASM, in the reader's browser. The only module that imports `@duckdb/duckdb-wasm`. The
 * engine, its worker and every snapshot come from the site's own origin; extension autoloading is
 * off, so nothing reaches for the internet, and Parquet is decoded in JavaScript instead of by
 * DuckDB's downloadable Parquet extension.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { parquetToArrowIPC } from './parquet-arrow.ts';
import { normalizeRows, type QueryParam, type Row } from './rows.ts';

let connection: Promise<AsyncDuckDBConnection> | undefined;
const loaded = new Map<string, Promise<void>>();

/** One database for the whole page, started on first use and shared by every chart. */
export function getConnection(): Promise<AsyncDuckDBConnection> {
	connection ??= (async () => {
		const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
		await db.instantiate(wasmUrl);
		await db.open({ query: { castBigIntToDouble: true } });
		const conn = await db.connect();
		await conn.query('SET autoinstall_known_extensions = false');
		await conn.query('SET autoload_known_extensions = false');
		return conn;
	})();
	return connection;
}

/**
 * Loads a snapshot into a table named after its dataset, once per page. The file is fetched while
 * the engine starts, and the fetch is checked against the manifest's checksum.
 */
export function loadSnapshot(snapshot: { dataset: string; url: string; sha256: string }): Promise<void> {
	const key = `${snapshot.dataset}@${snapshot.url}`;
	let done = loaded.get(key);
	if (!done) {
		done = (async () => {
			const [conn, bytes] = await Promise.all([getConnection(), fetchSnapshot(snapshot)]);
			const ipc = await parquetToArrowIPC(bytes);
			await conn.insertArrowFromIPCStream(ipc, { name: snapshot.dataset, create: true });
		})();
		// A failed load may be retried by the next interaction.
		done.catch(() => loaded.delete(key));
		loaded.set(key, done);
	}
	return done;
}

async function fetchSnapshot(snapshot: { url: string; sha256: string }): Promise<ArrayBuffer> {
	const response = await fetch(snapshot.url);
	if (!response.ok) throw new Error(`snapshot ${snapshot.url}: HTTP ${response.status}`);
	const bytes = await response.arrayBuffer();
	// SubtleCrypto exists only in secure contexts (https, localhost); plain-http intranet hosts
	// still get the chart, unverified.
	if (!globalThis.crypto?.subtle) return bytes;
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
	if (hex !== snapshot.sha256) throw new Error(`snapshot ${snapshot.url} does not match its manifest checksum`);
	return bytes;
}

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
