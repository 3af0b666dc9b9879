/**
 * The validator on a thread of its own. The build starts it as soon as its configuration is known
 * and goes on syncing content and generating types on the main thread meanwhile: on a large
 * handbook the check takes seconds of a core (most of them parsing front matter with its
 * positions), which then overlap the build's own work instead of adding to it.
 *
 * The thread loads this file as it is, outside Astro's bundles: the validator imports nothing
 * from Astro's runtime, so it runs there as it does under `npm run check`.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { checkHandbook, type CheckResult } from './index.ts';

/** What a started check passes its thread, so that importing this module elsewhere runs nothing. */
const checkerRole = 'opsbook-checker';

interface Answer {
	result?: CheckResult;
	error?: { message: string; stack?: string };
}

export interface StartedCheck {
	/** The check's result; the thread keeps the process open from the first call on. */
	result(): Promise<CheckResult>;
}

/**
 * Starts `checkHandbook(root)` on a thread. Until `result()` is called the thread does not keep
 * the process open, so a build that fails before it needs the result still exits. Where the thread
 * cannot start (a runtime that cannot load the file), the check runs on this thread instead:
 * slower, never wrong.
 */
export function startCheck(root: string): StartedCheck {
	let worker: Worker | undefined;
	const answer = new Promise<CheckResult>((resolve, reject) => {
		const here = () => checkHandbook(root).then(resolve, reject);
		try {
			worker = new Worker(new URL(import.meta.url), { workerData: { role: checkerRole, root } });
		} catch {
			return void here();
		}
		worker.unref();
		let answered = false;
		worker.once('message', ({ result, error }: Answer) => {
			answered = true;
			if (result) return resolve(result);
			reject(Object.assign(new Error(error!.message), { stack: error!.stack }));
		});
		worker.once('error', () => void (answered || ((answered = true), here())));
		worker.once('exit', () => void (answered || ((answered = true), here())));
	});
	// Awaited, and its error reported, by whoever calls `result()`.
	answer.catch(() => undefined);
	return {
		result: () => {
			worker?.ref();
			return answer;
		},
	};
}

if ((workerData as { role?: string } | null)?.role === checkerRole) {
	const { root } = workerData as { root: string };
	checkHandbook(root).then(
		(result) => parentPort!.postMessage({ result } satisfies Answer),
		(error: Error) => parentPort!.postMessage({ error: { message: error.message, stack: error.stack } } satisfies Answer),
	);
}
