/** `npm run snapshot` as a user runs it: usage errors, one-line rejections, and progress output. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sampleRows, writeCsv } from './snapshot-inputs.ts';

const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
	exec(process.execPath, ['scripts/snapshot.ts', ...args], { cwd: root }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);

test('publishes an export with progress lines and a summary', async () => {
	const input = await writeCsv(path.join(dir, 'bot.csv'), sampleRows(14));
	const result = await cli('--dataset', 'bot_service_daily', '--input', input, '--out', path.join(dir, 'out'));
	expect(result.code).toBe(0);
	const lines = result.stdout.trim().split('\n');
	expect(lines[0]).toMatch(/^snapshot: bot_service_daily: read [\d,]+ rows from 1 file \(\d+\.\d s\)$/);
	expect(lines.at(-1)).toMatch(/^snapshot: bot_service_daily@2026-11-15 published: [\d,]+ rows, 2026-11-02 to 2026-11-15, sha256 [0-9a-f]{12}… → .+2026-11-15\.parquet \(\d+\.\d s\)$/);
});

test('a rejected export is one line on stderr and exit 1, never a stack trace', async () => {
	const input = path.join(dir, 'bad.csv');
	await writeFile(input, 'date,market\n2026-11-15,SG\n');
	const result = await cli('--dataset', 'bot_service_daily', '--input', input, '--out', path.join(dir, 'out'));
	expect(result.code).toBe(1);
	expect(result.stderr.trim()).toBe(`snapshot: ${input}: column "intent": is missing (expected VARCHAR)`);
});

test('an unknown dataset, and usage mistakes, say what to do', async () => {
	const unknown = await cli('--dataset', 'nope', '--input', 'x.csv');
	expect(unknown.code).toBe(1);
	expect(unknown.stderr.trim()).toBe('snapshot: unknown dataset "nope": no src/content/datasets/nope.yaml (declared: bot_service_daily, issue_discovery_weekly, labeling_qa_weekly, monetization_actions_weekly, teen_safety_eval)');
	const half = await cli('--dataset', 'bot_service_daily');
	expect(half.code).toBe(2);
	expect(half.stderr).toMatch(/^snapshot: --dataset and --input go together\nusage: npm run snapshot/);
	const typo = await cli('--datset', 'x');
	expect(typo.code).toBe(2);
	expect(typo.stderr).toMatch(/^snapshot: Unknown option '--datset'/);
});
