/** The build's garbage collection before Pagefind (src/lib/hosting/collect.ts) collects. */
import { setImmediate } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { collectGarbage } from '../../src/lib/hosting/collect.ts';

test('an object nothing refers to any more is gone after collectGarbage', async () => {
	const ref = (() => new WeakRef({ rows: Array.from({ length: 1000 }, (_, i) => i) }))();
	// A WeakRef keeps its target alive until the job that created it ends.
	await setImmediate();
	collectGarbage();
	expect(ref.deref()).toBeUndefined();
	collectGarbage();
});
