/**
 * A full garbage collection of this thread, on request. When the build has written its pages,
 * the heap still holds hundreds of megabytes of what rendering left behind, and V8 has no reason to
 * collect it before Pagefind starts as a process of its own and indexes every page: the two then
 * peak together. Collected first, V8 hands the freed pages back to the system within seconds.
 *
 * Node offers `gc()` only under `--expose-gc`, which `astro build` is not started with; the flag can
 * be set at run time, and a new context then has the function (as Jest does to find leaks).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
	if (!gc) {
		v8.setFlagsFromString('--expose-gc');
		gc = vm.runInNewContext('gc') as () => void;
	}
	gc();
}
