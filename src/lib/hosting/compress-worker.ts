/**
 * One thread of `precompress`: compresses the files it is sent, one at a time, and answers with
 * their sizes. Compression runs in threads of their own so that the megabytes of buffers it reads
 * and writes are collected in a small heap: on the build's main thread, whose heap holds the whole
 * rendered site by then, every collection they caused took most of a second.
 *
 * Only Node's own modules here: the thread loads this file as it is, outside Astro's bundles.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
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

function compressed(content: Buffer, kind: 'br' | 'gz', quality: number, cacheDir: string | undefined): { bytes: Buffer; cached: boolean } {
	const key = `${createHash('sha256').update(content).digest('hex')}.q${quality}.${kind}`;
	const cached = cacheDir && path.join(cacheDir, key);
	if (cached && existsSync(cached)) {
		const now = new Date();
		utimesSync(cached, now, now);
		return { bytes: readFileSync(cached), cached: true };
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
	return { bytes, cached: false };
}

/** Writes `file.br` and `file.gz` where they are smaller than the file. */
export function compressFile({ file, quality, minBytes, cacheDir }: CompressJob): CompressAnswer {
	const content = readFileSync(file);
	if (content.length < minBytes) return { bytes: 0, brotliBytes: 0, gzipBytes: 0, cached: false };
	const br = compressed(content, 'br', quality, cacheDir);
	const gz = compressed(content, 'gz', 9, cacheDir);
	if (br.bytes.length < content.length) writeFileSync(`${file}.br`, br.bytes);
	if (gz.bytes.length < content.length) writeFileSync(`${file}.gz`, gz.bytes);
	return {
		bytes: content.length,
		brotliBytes: Math.min(br.bytes.length, content.length),
		gzipBytes: Math.min(gz.bytes.length, content.length),
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
