/**
 * Threads of `compress-worker.ts`, shared by every compression of one build: `precompress` and the
 * early start of the client bundle's files (`startPrecompress`) queue their files on the same
 * threads, one per core. A thread holds the process open only while it has a file; idle, it lets a
 * build that failed elsewhere exit. Where a thread cannot start (a runtime that cannot load the
 * file), its files are compressed on this thread instead: slower, never wrong.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compressFile, compressorRole, type CompressAnswer, type CompressJob } from './compress-worker.ts';

interface Thread {
	run(job: CompressJob): Promise<CompressAnswer>;
	close(): Promise<void>;
}

function thread(): Thread {
	let worker: Worker | undefined = new Worker(new URL('./compress-worker.ts', import.meta.url), { workerData: { role: compressorRole } });
	worker.unref();
	worker.on('error', () => (worker = undefined));
	return {
		run: (job) => {
			const current = worker;
			if (!current) return Promise.resolve(compressFile(job));
			current.ref();
			return new Promise<CompressAnswer>((resolve, reject) => {
				const onError = () => {
					current.off('message', onMessage);
					try {
						resolve(compressFile(job));
					} catch (error) {
						reject(error as Error);
					}
				};
				const onMessage = (message: { answer?: CompressAnswer; error?: string }) => {
					current.off('error', onError);
					current.unref();
					if (message.error !== undefined) reject(new Error(message.error));
					else resolve(message.answer!);
				};
				current.once('message', onMessage);
				current.once('error', onError);
				current.postMessage(job);
			});
		},
		close: async () => void (await worker?.terminate()),
	};
}

export interface CompressPool {
	/** Compresses `job` on the next free thread, in the order files were queued. */
	run(job: CompressJob): Promise<CompressAnswer>;
	/** Ends the threads once every queued file is done. */
	close(): Promise<void>;
}

export function compressPool(size = Math.max(1, Math.min(availableParallelism(), 4))): CompressPool {
	const threads = Array.from({ length: size }, thread);
	const idle = [...threads];
	const waiting: ((free: Thread) => void)[] = [];
	const pending = new Set<Promise<unknown>>();
	const release = (free: Thread) => {
		const next = waiting.shift();
		if (next) next(free);
		else idle.push(free);
	};
	return {
		run: (job) => {
			const done = (async () => {
				const free = idle.pop() ?? (await new Promise<Thread>((resolve) => waiting.push(resolve)));
				try {
					return await free.run(job);
				} finally {
					release(free);
				}
			})();
			pending.add(done);
			void done.catch(() => undefined).finally(() => pending.delete(done));
			return done;
		},
		close: async () => {
			await Promise.allSettled([...pending]);
			await Promise.all(threads.map((one) => one.close()));
		},
	};
}
