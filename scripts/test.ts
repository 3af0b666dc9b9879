/**
 * npm test: the type check, the unit tests, the validator on the demo handbook, a production build, and the
 * browser suite against that build, in that order; then the same handbook built for a sub-path
 * (OPSBOOK_BASE=/handbook/, into a folder of its own) and the browser suite once more against it.
 * Stops at the first step that fails. Ends with one line of totals over every run.
 *
 * The two runs of the browser suite split three files between them:
 * - hosting.test.ts runs in the second run only, against its build: it tests the site under a
 *   sub-path (npm start's server and nginx), and would otherwise build one of its own.
 * - widths.test.ts (every page at 390 and 1280 px) and bench.test.ts run in the first run only.
 *   The base path cannot change a layout (it is in no style and no text; only addresses carry
 *   it, and the pages suite of the second run loads every page and every address it names), nor
 *   the bench's figures, which are ratios measured in one run; the widths walk is the slowest
 *   file of the suite. Everything else — every page, chart, prepared file, snapshot, the engine
 *   and its worker, the explorer, search, quizzes, paths, versions, the vendor's site — runs twice.
 * - In the second run pages.test.ts loads every page without axe, for the same reason: axe judges
 *   names, roles, contrast and structure, none of which holds the base; it was a third of that
 *   file's time (measured under load: 276 s with axe, 181 s without).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = await mkdtemp(path.join(tmpdir(), 'opsbook-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
	console.log(`\n── ${label} ──`);
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('error', (error) => {
			console.error(`${label}: ${error.message}`);
			resolve(1);
		});
		child.on('exit', (code) => {
			console.log(`── ${label}: ${code === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(0)} s ──`);
			resolve(code ?? 1);
		});
	});
}

async function vitest(label: string, project: string, options: { exclude?: string[]; env?: Record<string, string> } = {}): Promise<number> {
	const report = path.join(reports, `${label.replaceAll(/\W+/g, '-')}.json`);
	const code = await run(
		label,
		'vitest',
		['run', '--project', project, ...(options.exclude ?? []).flatMap((file) => ['--exclude', file]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
		options.env,
	);
	try {
		const result = JSON.parse(await readFile(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
		totals.passed += result.numPassedTests;
		totals.failed += result.numFailedTests;
		totals.skipped += result.numPendingTests + result.numTodoTests;
	} catch {
		// No report: the run failed before any test (a setup error); its exit code says so.
	}
	return code;
}

const subPath = '/handbook/';
const subPathDist = path.join(reports, 'site-under-sub-path');
const steps: [string, () => Promise<number>][] = [
	['type check', () => run('type check', 'npm', ['run', 'typecheck', '--silent'])],
	['unit tests', () => vitest('unit tests', 'unit')],
	['content check', () => run('content check', process.execPath, ['scripts/check.ts'])],
	['production build', () => run('production build', 'npm', ['run', 'build', '--silent'])],
	['browser tests', () => vitest('browser tests', 'e2e', { exclude: ['tests/e2e/hosting.test.ts'] })],
	[
		`production build under ${subPath}`,
		() => run(`production build under ${subPath}`, process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', subPathDist], { OPSBOOK_BASE: subPath }),
	],
	[
		`browser tests under ${subPath}`,
		() => vitest(`browser tests under ${subPath}`, 'e2e', { exclude: ['tests/e2e/widths.test.ts', 'tests/e2e/bench.test.ts'], env: { OPSBOOK_TEST_DIST: subPathDist } }),
	],
];

let failedStep: string | undefined;
for (const [name, step] of steps) {
	if ((await step()) !== 0) {
		failedStep = name;
		break;
	}
}
await rm(subPathDist, { recursive: true, force: true });
console.log(`\n${failedStep ? `npm test: FAILED at ${failedStep}` : 'npm test: all steps passed'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
