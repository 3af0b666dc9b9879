/**
 * Writes `x.br` and `x.gz` beside every compressible file of a built site, so that `npm start`
 * (sirv) and nginx (`gzip_static`, `brotli_static`) send compressed bytes without compressing on
 * each request. DuckDB's 34 MB engine becomes 5.6 MiB of brotli (7.3 MiB of gzip).
 *
 * Brotli at its best quality is slow, so results are kept in a cache keyed by each file's SHA-256:
 * hashed assets (`_astro/`) are compressed once per version of a dependency, and pages that did not
 * change are not compressed again.
 */
import { availableParallelism } from 'node:os';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compressFile, compressorRole, type CompressAnswer, type CompressJob } from './compress-worker.ts';
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

async function pruneCache(cacheDir: string): Promise<void> {
	const now = Date.now();
	for (const name of await readdir(cacheDir)) {
		const file = path.join(cacheDir, name);
		if (now - (await stat(file)).mtimeMs > cacheLifetimeMs) await unlink(file).catch(() => undefined);
	}
}

interface Compressor {
	run(job: CompressJob): Promise<CompressAnswer>;
	close(): Promise<void>;
}

/**
 * A thread running `compress-worker.ts`. Where the thread cannot start (a runtime that cannot load
 * the file), it compresses on this thread instead: slower, never wrong.
 */
function compressor(): Compressor {
	let thread: Worker | undefined = new Worker(new URL('./compress-worker.ts', import.meta.url), { workerData: { role: compressorRole } });
	thread.on('error', () => (thread = undefined));
	return {
		run: (job) => {
			const worker = thread;
			if (!worker) return Promise.resolve(compressFile(job));
			return new Promise<CompressAnswer>((resolve, reject) => {
				const onError = () => {
					worker.off('message', onMessage);
					try {
						resolve(compressFile(job));
					} catch (error) {
						reject(error as Error);
					}
				};
				const onMessage = (message: { answer?: CompressAnswer; error?: string }) => {
					worker.off('error', onError);
					if (message.error !== undefined) reject(new Error(message.error));
					else resolve(message.answer!);
				};
				worker.once('message', onMessage);
				worker.once('error', onError);
				worker.postMessage(job);
			});
		},
		close: async () => void (await thread?.terminate()),
	};
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
	const sizes = new Map(await Promise.all(names.map(async (name) => [name, (await stat(path.join(dist, name))).size] as const)));
	const queue = [...names].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
	// One thread per core: the machines this builds on have two.
	const pool = Array.from({ length: Math.max(1, Math.min(availableParallelism(), 4)) }, compressor);
	try {
		await Promise.all(
			pool.map(async (compressor) => {
				for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
					const job: CompressJob = { file: path.join(dist, name), quality: brotliQuality(name, sizes.get(name)!), minBytes, ...(cacheDir ? { cacheDir } : {}) };
					const answer = await compressor.run(job);
					if (answer.bytes === 0) continue;
					result.files++;
					result.bytes += answer.bytes;
					result.brotliBytes += answer.brotliBytes;
					result.gzipBytes += answer.gzipBytes;
					if (answer.cached) result.fromCache++;
					if (log && Date.now() - lastLog > 10_000) {
						lastLog = Date.now();
						log(`compressing: ${result.files} of ${names.length} files done`);
					}
				}
			}),
		);
	} finally {
		await Promise.all(pool.map((compressor) => compressor.close()));
	}
	if (cacheDir) await pruneCache(cacheDir);
	result.ms = Date.now() - started;
	return result;
}
