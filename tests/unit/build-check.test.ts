/**
 * `astro build` fails on the validator's errors, through the opsbook-check integration: once
 * through the integration's function on a fixture, once through a real build of a broken copy.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { assertHandbookValid } from '../../src/integrations/opsbook-check.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { startCheck } from '../../src/lib/checks/thread.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

test('the build check throws with every error of a broken handbook, and passes a valid one', async () => {
	await expect(assertHandbookValid(path.join(root, 'tests/fixtures/checks/flows'))).rejects.toThrow(
		/^The handbook has 12 errors:\nsrc\/content\/docs\/bad-sla\.mdx:11:45  nodes\[0\]\.sla  expected a duration/,
	);
	await expect(assertHandbookValid(root)).resolves.toBeUndefined();
});

test('the check the build starts on a thread of its own finds what npm run check finds', async () => {
	const fixture = path.join(root, 'tests/fixtures/checks/flows');
	const onThread = await startCheck(fixture).result();
	expect(onThread.errors).toBe(12);
	expect(onThread).toEqual(await checkHandbook(fixture));
});

test('astro build of a handbook with a broken reference fails and names the file and line', async () => {
	const copy = await mkdtemp(path.join(tmpdir(), 'opsbook-build-'));
	temporary.push(copy);
	for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'data/snapshots']) {
		await cp(path.join(root, entry), path.join(copy, entry), { recursive: true });
	}
	await symlink(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
	const file = path.join(copy, 'src/content/docs/sops/vendor-calibration.mdx');
	await writeFile(file, (await readFile(file, 'utf8')).replace('owner: ai-data-ops\n', 'owner: ai-dataops\n'));

	const result = await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: copy }).then(
		() => ({ code: 0, output: '' }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
	);
	expect(result.code).toBe(1);
	expect(result.output).toContain('src/content/docs/sops/vendor-calibration.mdx:7:8  owner  no team "ai-dataops" in src/content/teams.yaml; did you mean "ai-data-ops"?');
}, 60_000);
