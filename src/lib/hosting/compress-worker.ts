/**
 * One thread of `precompress`: compresses the files it is sent, one at a time, and answers with
 * their sizes. Compression runs in threads of their own so that the megabytes of buffers it reads
 * and writes are collected in a small heap: on the build's main thread, whose heap holds the whole
 * rendered site by then, every collection they caused took most of a second.
 *
 * Only Node's own modules here: the thread loads this file as it is, outside Astro's bundles.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';

export interface CompressJob {
	file: string;
	/** Brotli's quality for this file (gzip is always 9). */
	quality: number;
	minBytes: number;
	cacheDir?: string;
}

export interface CompressAnswer {
	/** 0 when the file was below `minBytes` and left alone. */
	bytes: number;
	brotliBytes: number;
	gzipBytes: number;
	/** Both results came from the cache. */
	cached: boolean;
}

/**
 * `content` compressed as `kind`, written to `out` when smaller than `content`: its size, and
 * whether it came from the cache. A cached result is copied file to file, never through this heap.
 */
function compressed(content: Buffer, digest: string, kind: 'br' | 'gz', quality: number, cacheDir: string | undefined, out: string): { size: number; cached: boolean } {
	const cached = cacheDir && path.join(cacheDir, `${digest}.q${quality}.${kind}`);
	const hit = cached ? statSync(cached, { throwIfNoEntry: false }) : undefined;
	if (cached && hit) {
		const now = new Date();
		utimesSync(cached, now, now);
		if (hit.size < content.length) copyFileSync(cached, out);
		return { size: hit.size, cached: true };
	}
	const bytes =
		kind === 'br'
			? zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } })
			: zlib.gzipSync(content, { level: quality });
	if (cached) {
		// Through a temporary name of this thread's: a build killed mid-write leaves no truncated
		// entry behind, and two threads compressing the same bytes do not write into one file.
		const temporary = `${cached}.${process.pid}-${threadId}.tmp`;
		writeFileSync(temporary, bytes);
		renameSync(temporary, cached);
	}
	if (bytes.length < content.length) writeFileSync(out, bytes);
	return { size: bytes.length, cached: false };
}

/** Writes `file.br` and `file.gz` where they are smaller than the file. */
export function compressFile({ file, quality, minBytes, cacheDir }: CompressJob): CompressAnswer {
	const content = readFileSync(file);
	if (content.length < minBytes) return { bytes: 0, brotliBytes: 0, gzipBytes: 0, cached: false };
	// One digest keys both results: the cache holds each under the content's SHA-256.
	const digest = createHash('sha256').update(content).digest('hex');
	const br = compressed(content, digest, 'br', quality, cacheDir, `${file}.br`);
	const gz = compressed(content, digest, 'gz', 9, cacheDir, `${file}.gz`);
	return {
		bytes: content.length,
		brotliBytes: Math.min(br.size, content.length),
		gzipBytes: Math.min(gz.size, content.length),
		cached: br.cached && gz.cached,
	};
}

/** What `precompress` passes a thread it starts, so that importing this module elsewhere listens to nothing. */
export const compressorRole = 'opsbook-compressor';

if ((workerData as { role?: string } | null)?.role === compressorRole) {
	parentPort!.on('message', (job: CompressJob) => {
		try {
			parentPort!.postMessage({ answer: compressFile(job) });
		} catch (error) {
			parentPort!.postMessage({ error: `${job.file}: ${(error as Error).message}` });
		}
	});
}
