import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('the .astro type check (scripts/check-astro.ts, run by npm run typecheck)', () => {
	// It starts a TypeScript language server over a fixture site: tens of seconds on a busy 2-core machine.
	test('finds type errors in frontmatter, component props and scripts, at their line and column, and exits 1', { timeout: 120_000 }, async () => {
		const failed = await run(process.execPath, ['scripts/check-astro.ts', '--root', 'tests/fixtures/astro-check'], { cwd: root }).catch(
			(error: { code: number; stdout: string }) => error,
		);
		expect('code' in failed && failed.code).toBe(1);
		const output = stripVTControlCharacters(failed.stdout);
		const problems = output.split('\n').filter((line) => / - error ts\(\d+\)/.test(line)).sort();
		const page = 'tests/fixtures/astro-check/src/pages/index.astro';
		expect(problems).toEqual([
			`${page}:10:21 - error ts(2551): Property 'toUpperCse' does not exist on type 'string'. Did you mean 'toUpperCase'?`,
			`${page}:14:21 - error ts(2322): Type 'string' is not assignable to type 'number'.`,
			`${page}:15:2 - error ts(2322): Type '{ label: string; }' is not assignable to type 'IntrinsicAttributes & Props'.`,
			`${page}:19:2 - error ts(2322): Type 'number' is not assignable to type 'string'.`,
		]);
		expect(output).toMatch(/^check-astro: 2 \.astro files, 4 errors, 0 warnings, 0 hints \(TypeScript 6\.\d+\.\d+\)$/m);
	});
});
