/**
 * `npm run bench` at small sizes, so that it cannot break unnoticed: it must complete and write
 * every row with its samples, its baseline and their ratio. No timing is asserted here; the
 * figures themselves belong to the benchmark.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { BenchRow } from '../../scripts/bench/rows.ts';

const root = path.resolve(import.meta.dirname, '../..');

test('npm run bench completes at small sizes and writes every row with its baseline and ratio', { timeout: 900_000 }, async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-bench-test-'));
	try {
		const out = path.join(dir, 'results.json');
		const args = ['scripts/bench.ts', '--pages', '50', '--rows', '100000', '--browser-rows', '100000', '--runs', '2', '--snapshot-runs', '1', '--build-runs', '1', '--out', out];
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		expect(code, output.slice(-3000)).toBe(0);

		const written = JSON.parse(await readFile(out, 'utf8')) as { options: Record<string, number>; rows: BenchRow[] };
		expect(written.options).toMatchObject({ pages: 50, rows: 100_000, browserRows: 100_000 });
		expect(written.rows.map((row) => row.id)).toEqual([
			'check',
			'snapshot',
			'snapshot.cpu',
			'snapshot.memory',
			'build',
			'build.memory',
			'build.mdx',
			'browser.first-paint',
			'bytes.chart-page.js',
			'bytes.chart-page.js.phone',
			'bytes.chart-page.wasm',
			'browser.filter.prepared.cold',
			'browser.filter.prepared.warm',
			'bytes.review.no-engine',
			'browser.engine.start',
			'browser.engine.next-page',
			'browser.cold',
			'browser.filter.query',
			'browser.filter.redraw',
		]);
		const finite = (value: number) => Number.isFinite(value) && value >= 0;
		for (const row of written.rows) {
			expect(row.value.samples.length, row.id).toBeGreaterThan(0);
			expect(row.value.samples.every(finite), row.id).toBe(true);
			expect(row.baseline?.value.samples.every(finite), row.id).toBe(true);
			// A ratio needs a baseline above zero: no wasm on either page has none, and needs none.
			if (row.baseline!.value[row.judged] > 0) expect(finite(row.ratio!), row.id).toBe(true);
			else expect(row.value[row.judged], row.id).toBe(0);
		}
		// What a review page fetches for declared filters: no engine at all.
		expect(written.rows.find((row) => row.id === 'bytes.review.no-engine')!.value.samples).toEqual([0]);
		// The handbook in both languages: the generator copies translations as translations.
		expect(written.rows[0]!.size).toMatch(/^50 pages \(\d+ in Chinese\)$/);
		// The table the README shows is printed.
		expect(output).toContain('| what | size | measured | baseline, same run | ratio |');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});
