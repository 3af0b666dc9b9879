/**
 * Writes `x.br` and `x.gz` beside every compressible file of a built site, so that `npm start`
 * (sirv) and nginx (`gzip_static`, `brotli_static`) send compressed bytes without compressing on
 * each request. DuckDB's 34 MB engine becomes 5.6 MiB of brotli (7.3 MiB of gzip).
 *
 * Brotli at its best quality is slow, so results are kept in a cache keyed by each file's SHA-256:
 * hashed assets (`_astro/`) are compressed once per version of a dependency, and pages that did not
 * change are not compressed again.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { compressPool, type CompressPool } from './compress-pool.ts';
import type { CompressAnswer } from './compress-worker.ts';
import { immutablePattern } from './headers.ts';

/** Types that compress; images, Parquet (zstd inside) and Pagefind's fragments (gzip) do not. */
export const compressible = /\.(html|js|mjs|css|json|svg|xml|txt|wasm|map)$/;

export interface PrecompressOptions {
	/** Where compressed results are kept between builds; none to compress everything afresh. */
	cacheDir?: string;
	/** Files smaller than this are sent as they are: compression would save next to nothing. */
	minBytes?: number;
	/** Called with a line of progress now and then. */
	log?: (line: string) => void;
}

export interface PrecompressResult {
	files: number;
	bytes: number;
	brotliBytes: number;
	gzipBytes: number;
	fromCache: number;
	ms: number;
}

/** Entries unused this long are removed from the cache. */
const cacheLifetimeMs = 14 * 24 * 3600 * 1000;

/**
 * Hashed assets are compressed once and cached, so they get brotli's best (11); pages change with
 * every edit and get 5, a fraction of the time. The engine's 34 MB wasm is the exception: at 11 it
 * takes one to several minutes on two cores for 4.9 MiB, at 9 with a 16 MiB window 6 s for 5.6.
 */
function brotliQuality(name: string, bytes: number): number {
	if (!immutablePattern.test(name)) return 5;
	return bytes > 8 * 1024 * 1024 ? 9 : 11;
}

/**
 * Removes entries unused for `cacheLifetimeMs`. All at once, not one after another: a cache that
 * served a few builds of a 1,000-page handbook holds some 7,000 entries, and their stats one by one
 * took half a second at the end of every build.
 */
async function pruneCache(cacheDir: string): Promise<void> {
	const now = Date.now();
	await Promise.all(
		(await readdir(cacheDir)).map(async (name) => {
			const file = path.join(cacheDir, name);
			// Another build may have removed it meanwhile.
			const stats = await stat(file).catch(() => undefined);
			if (stats && now - stats.mtimeMs > cacheLifetimeMs) await unlink(file).catch(() => undefined);
		}),
	);
}

interface Started {
	answer: Promise<CompressAnswer>;
	/** The file as it was when its compression started. */
	size: number;
	mtimeMs: number;
}

/** Compression started before the build's end: its threads, and each file's answer by absolute path. */
let early: { pool: CompressPool; files: Map<string, Started> } | undefined;

/**
 * Starts compressing `names` (paths relative to `dist`) now, on the compression threads, while the
 * build goes on rendering pages: the client bundle's files, the engine's 34 MB wasm above all, are
 * final as soon as Vite writes them. `precompress` then takes their answers instead of compressing
 * them again, unless a file changed since (its size or time), which it compresses afresh.
 */
export async function startPrecompress(dist: string, names: readonly string[], options: Pick<PrecompressOptions, 'cacheDir' | 'minBytes'> = {}): Promise<void> {
	const { cacheDir, minBytes = 1024 } = options;
	if (cacheDir) await mkdir(cacheDir, { recursive: true });
	const files = (early ??= { pool: compressPool(), files: new Map() }).files;
	const found = await Promise.all(names.filter((name) => compressible.test(name)).map(async (name) => ({ name, file: path.join(dist, name), stats: await stat(path.join(dist, name)) })));
	for (const { name, file, stats } of found.sort((a, b) => b.stats.size - a.stats.size)) {
		if (files.has(file)) continue;
		const answer = early.pool.run({ file, quality: brotliQuality(name, stats.size), minBytes, ...(cacheDir ? { cacheDir } : {}) });
		// Awaited, and its error reported, by `precompress`.
		answer.catch(() => undefined);
		files.set(file, { answer, size: stats.size, mtimeMs: stats.mtimeMs });
	}
}

/** Compresses every compressible file of `dist` of at least `minBytes`, keeping only what is smaller. */
export async function precompress(dist: string, options: PrecompressOptions = {}): Promise<PrecompressResult> {
	const started = Date.now();
	const { cacheDir, minBytes = 1024, log } = options;
	if (cacheDir) await mkdir(cacheDir, { recursive: true });
	const names = (await readdir(dist, { recursive: true })).map((name) => name.split(path.sep).join('/')).filter((name) => compressible.test(name));
	const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0, fromCache: 0, ms: 0 };
	let lastLog = Date.now();
	// The largest first: the engine's wasm takes seconds, and should not be the last one left.
	const stats = new Map(await Promise.all(names.map(async (name) => [name, await stat(path.join(dist, name))] as const)));
	const queue = [...names].sort((a, b) => stats.get(b)!.size - stats.get(a)!.size);
	const { pool, files: startedEarly } = early ?? { pool: compressPool(), files: new Map<string, Started>() };
	early = undefined;
	try {
		await Promise.all(
			queue.map(async (name) => {
				const file = path.join(dist, name);
				const { size, mtimeMs } = stats.get(name)!;
				const before = startedEarly.get(file);
				const answer = await (before && before.size === size && before.mtimeMs === mtimeMs
					? before.answer
					: pool.run({ file, quality: brotliQuality(name, size), minBytes, ...(cacheDir ? { cacheDir } : {}) }));
				if (answer.bytes === 0) return;
				result.files++;
				result.bytes += answer.bytes;
				result.brotliBytes += answer.brotliBytes;
				result.gzipBytes += answer.gzipBytes;
				if (answer.cached) result.fromCache++;
				if (log && Date.now() - lastLog > 10_000) {
					lastLog = Date.now();
					log(`compressing: ${result.files} of ${names.length} files done`);
				}
			}),
		);
	} finally {
		await pool.close();
	}
	if (cacheDir) await pruneCache(cacheDir);
	result.ms = Date.now() - started;
	return result;
}
