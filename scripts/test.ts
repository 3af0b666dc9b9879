/**
 * npm test: the type check, the unit tests, the validator on the demo handbook, a production build, and the
 * browser suite against that build, in that order; stops at the first step that fails. Ends with
 * one line of totals over both test suites.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = await mkdtemp(path.join(tmpdir(), 'opsbook-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, command: string, args: string[]): Promise<number> {
	console.log(`\n── ${label} ──`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
		child.on('error', (error) => {
			console.error(`${label}: ${error.message}`);
			resolve(1);
		});
		child.on('exit', (code) => resolve(code ?? 1));
	});
}

async function vitest(project: string): Promise<number> {
	const report = path.join(reports, `${project}.json`);
	const code = await run(`${project} tests`, 'vitest', [
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`,
	]);
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

const steps: [string, () => Promise<number>][] = [
	['type check', () => run('type check', 'npm', ['run', 'typecheck', '--silent'])],
	['unit tests', () => vitest('unit')],
	['content check', () => run('content check', process.execPath, ['scripts/check.ts'])],
	['production build', () => run('production build', 'npm', ['run', 'build', '--silent'])],
	['browser tests', () => vitest('e2e')],
];

let failedStep: string | undefined;
for (const [name, step] of steps) {
	if ((await step()) !== 0) {
		failedStep = name;
		break;
	}
}
console.log(`\n${failedStep ? `npm test: FAILED at ${failedStep}` : 'npm test: all steps passed'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
