/**
 * Publishing snapshots into the site, in one place for `astro build` and `astro dev`.
 *
 * A page that reads a snapshot calls `publishSnapshot`: the pinned file (from the store, or fetched
 * from `snapshots.remote`) is checked against its manifest, narrowed to the rows the site may
 * publish when a row filter applies, registered with DuckDB native under its own relation name, and
 * given a content-hashed URL under `<base>_snapshots/`. The `snapshotPublisher()` integration then
 * serves those files from the dev server, or copies them into the build's output: only the
 * snapshots some page reads, each under a URL whose bytes never change.
 *
 * The registry of published files lives on `globalThis`: Astro renders pages in the same process as
 * its integrations, but from modules of its own build, so a module-level variable would not be seen
 * by both.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheControl } from '../hosting/headers.ts';
import { copyParquetWhere, registerSnapshot } from '../query/server.ts';
import type { SnapshotEntry } from './manifest.ts';
import { resolveSnapshot } from './open.ts';
import { filterKey, publishedPath, relationName, type RowFilter } from './paths.ts';
import { cacheDir } from './remote.ts';
import { sha256File } from './write.ts';

export interface PublishedSnapshot {
	ref: string;
	dataset: string;
	asOf: string;
	/** The SQL relation holding exactly the published rows, on both engines. */
	relation: string;
	/** Where the site serves the published bytes, with the site's base. */
	url: string;
	/** SHA-256 of the published bytes: the manifest's, or the filtered file's own. */
	sha256: string;
	rows: number;
	bytes: number;
	/** The row filter applied, if any. */
	filter?: RowFilter;
	/** The manifest entry of the whole snapshot. */
	entry: SnapshotEntry;
	/** The local file holding the published bytes. */
	file: string;
}

interface PublisherState {
	/** Per dataset, the rows this site may publish (set by the integration, e.g. per audience). */
	rowFilters: Record<string, RowFilter>;
	/** Site path under the base (`_snapshots/…`) → the local file holding its bytes. */
	served: Map<string, string>;
	/** Publications under way or done, by root, ref and filter. */
	published: Map<string, Promise<PublishedSnapshot>>;
}

const stateKey = Symbol.for('opsbook.snapshot-publisher');
const state: PublisherState = ((globalThis as Record<symbol, PublisherState | undefined>)[stateKey] ??= { rowFilters: {}, served: new Map(), published: new Map() });

export interface PublishOptions {
	root: string;
	/** The site's base, `import.meta.env.BASE_URL`. */
	base: string;
	ref: string;
	/** The rows to publish; defaults to the row filter the integration set for the dataset. */
	filter?: RowFilter;
	/** `false`: register the relation for build-time queries only, without serving the file. */
	serve?: boolean;
}

export function publishSnapshot(options: PublishOptions): Promise<PublishedSnapshot> {
	const dataset = options.ref.split('@')[0]!;
	const filter = options.filter ?? state.rowFilters[dataset];
	const key = [options.root, options.base, options.ref, filterKey(filter)].join('\0');
	let result = state.published.get(key);
	if (!result) {
		result = publish({ ...options, filter });
		state.published.set(key, result);
		result.catch(() => state.published.delete(key));
	}
	if (options.serve === false) return result;
	return result.then((published) => {
		state.served.set(published.url.slice(options.base.replace(/\/?$/, '/').length), published.file);
		return published;
	});
}

async function publish({ root, base, ref, filter }: PublishOptions): Promise<PublishedSnapshot> {
	const snapshot = await resolveSnapshot(root, ref);
	let file = snapshot.file;
	let { sha256, rows, bytes } = snapshot.entry;
	if (filter && Object.keys(filter).length > 0) {
		({ file, sha256, rows, bytes } = await filtered(root, snapshot.file, snapshot.entry.sha256, filter));
	}
	const relation = relationName(ref, filter);
	await registerSnapshot(relation, file);
	const site = publishedPath(snapshot.dataset, snapshot.asOf, sha256);
	return { ref, dataset: snapshot.dataset, asOf: snapshot.asOf, relation, url: `${base.replace(/\/?$/, '/')}${site}`, sha256, rows, bytes, filter, entry: snapshot.entry, file };
}

/** The filtered copy of a snapshot, written once into the cache and named by what it was made of. */
async function filtered(root: string, source: string, sourceSha: string, filter: RowFilter) {
	const keep = Object.fromEntries(Object.entries(filter).map(([column, values]) => [column, typeof values === 'string' ? [values] : [...values]]));
	const name = `${sourceSha}.${createHashHex(filterKey(filter)).slice(0, 16)}.parquet`;
	const file = path.join(cacheDir(root), 'filtered', name);
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		const rows = await copyParquetWhere(source, temporary, keep);
		await rename(temporary, file);
		return { file, rows, sha256: await sha256File(file), bytes: (await stat(file)).size };
	} finally {
		await rm(temporary, { force: true });
	}
}

const createHashHex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where the integration set by `snapshotPublisher` says a published path's bytes are, if anywhere. */
export const servedFile = (site: string) => state.served.get(site);

/**
 * The integration: serves published snapshots from `astro dev` and copies them into the output of
 * `astro build`. `rowFilters` narrows what a site publishes of a dataset (per audience, say).
 */
export function snapshotPublisher(options: { rowFilters?: Record<string, RowFilter> } = {}): AstroIntegration {
	let base = '/';
	return {
		name: 'opsbook-snapshots',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
				state.rowFilters = { ...(options.rowFilters ?? {}) };
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
					const file = pathname.startsWith(base) ? servedFile(pathname.slice(base.length)) : undefined;
					if (!file) return next();
					response.setHeader('Content-Type', 'application/vnd.apache.parquet');
					response.setHeader('Cache-Control', cacheControl.immutable);
					createReadStream(file).pipe(response);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				let total = 0;
				for (const [site, file] of state.served) {
					const target = path.join(out, site);
					await mkdir(path.dirname(target), { recursive: true });
					await copyFile(file, target);
					total += (await stat(target)).size;
				}
				logger.info(`published ${state.served.size} snapshot file${state.served.size === 1 ? '' : 's'} (${(total / 2 ** 20).toFixed(1)} MiB) under ${base}_snapshots/`);
			},
		},
	};
}
