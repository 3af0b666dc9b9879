/**
 * `npm run bench` refuses options it cannot honour before it spends minutes generating a handbook.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bench = (...args: string[]) =>
	promisify(execFile)(process.execPath, [path.join(root, 'scripts/bench.ts'), ...args]).then(
		() => ({ code: 0, stderr: '' }),
		(error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
	);

test('--only names the sections it accepts when given one it does not know', async () => {
	expect(await bench('--only', 'build,snap')).toEqual({
		code: 2,
		stderr: 'bench: --only takes sections from check, snapshot, build, browser, not "snap"\n',
	});
});

test('a run count must be a whole number', async () => {
	expect(await bench('--runs', '0')).toEqual({ code: 2, stderr: 'bench: --runs takes a whole number, not "0"\n' });
});
