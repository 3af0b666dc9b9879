/**
 * Writes `x.br` and `x.gz` beside every compressible file of a built site, so that `npm start`
 * (sirv) and nginx (`gzip_static`, `brotli_static`) send compressed bytes without compressing on
 * each request. DuckDB's 34 MB engine becomes 5.6 MiB of brotli (7.3 MiB of gzip).
 *
 * Brotli at its best quality is slow, so results are kept in a cache keyed by each file's SHA-256:
 * hashed assets (`_astro/`) are compressed once per version of a dependency, and pages that did not
 * change are not compressed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { immutablePattern } from './headers.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

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

async function compressed(content: Buffer, kind: 'br' | 'gz', quality: number, cacheDir: string | undefined): Promise<{ bytes: Buffer; cached: boolean }> {
	const key = `${createHash('sha256').update(content).digest('hex')}.q${quality}.${kind}`;
	const cached = cacheDir && path.join(cacheDir, key);
	if (cached && existsSync(cached)) {
		const now = new Date();
		await utimes(cached, now, now);
		return { bytes: await readFile(cached), cached: true };
	}
	const bytes =
		kind === 'br'
			? await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } })
			: await gzip(content, { level: quality });
	if (cached) {
		// Through a temporary name: a build killed mid-write leaves no truncated entry behind.
		await writeFile(`${cached}.tmp`, bytes);
		await rename(`${cached}.tmp`, cached);
	}
	return { bytes, cached: false };
}

async function pruneCache(cacheDir: string): Promise<void> {
	const now = Date.now();
	for (const name of await readdir(cacheDir)) {
		const file = path.join(cacheDir, name);
		if (now - (await stat(file)).mtimeMs > cacheLifetimeMs) await unlink(file).catch(() => undefined);
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
	// Two at a time: zlib runs off the main thread, and the machines this builds on have two cores.
	const queue = [...names];
	const worker = async () => {
		for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
			const file = path.join(dist, name);
			const content = await readFile(file);
			if (content.length < minBytes) continue;
			const brQuality = brotliQuality(name, content.length);
			const [br, gz] = [await compressed(content, 'br', brQuality, cacheDir), await compressed(content, 'gz', 9, cacheDir)];
			if (br.bytes.length < content.length) await writeFile(`${file}.br`, br.bytes);
			if (gz.bytes.length < content.length) await writeFile(`${file}.gz`, gz.bytes);
			result.files++;
			result.bytes += content.length;
			result.brotliBytes += Math.min(br.bytes.length, content.length);
			result.gzipBytes += Math.min(gz.bytes.length, content.length);
			if (br.cached && gz.cached) result.fromCache++;
			if (log && Date.now() - lastLog > 10_000) {
				lastLog = Date.now();
				log(`compressing: ${result.files} of ${names.length} files done`);
			}
		}
	};
	await Promise.all([worker(), worker()]);
	if (cacheDir) await pruneCache(cacheDir);
	result.ms = Date.now() - started;
	return result;
}
