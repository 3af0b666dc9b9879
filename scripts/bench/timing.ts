/** Timing helpers shared by the sections of `npm run bench`. */
import { readdir, readFile } from 'node:fs/promises';

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

/** `runs` timings of `fn` after one untimed warm-up (module loading, file-system caches). */
export async function sample(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
	await fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) samples.push(await time(fn));
	return samples;
}

/** Resident memory of a process and all its descendants, in bytes, from /proc (Linux). */
async function treeRss(pid: number): Promise<number> {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of await readdir('/proc').catch(() => [] as string[])) {
		if (!/^\d+$/.test(name)) continue;
		const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
		const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
		const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
		rss.set(Number(name), kib * 1024);
		children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
	}
	let total = 0;
	const stack = [pid];
	while (stack.length > 0) {
		const next = stack.pop()!;
		total += rss.get(next) ?? 0;
		stack.push(...(children.get(next) ?? []));
	}
	return total;
}

/** Samples the memory of a process tree every 250 ms until `done` settles; the peak, in MiB. */
export async function peakTreeMiB(pid: number, done: Promise<unknown>): Promise<number> {
	let peak = 0;
	let running = true;
	void done.finally(() => (running = false)).catch(() => {});
	while (running) {
		peak = Math.max(peak, await treeRss(pid));
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return Math.round(peak / 2 ** 20);
}
