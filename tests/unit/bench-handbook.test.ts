/**
 * The benchmark's handbook generator (scripts/bench/handbook.ts): what `npm run bench` times
 * `npm run check` on must be a valid handbook of the size asked for, every kind of page and every
 * translation copied, or the benchmark measures a validator that reports errors instead. The
 * handbook is made as the bench makes it: a copy of the project (its snapshot store included),
 * with the generated pages added. tests/e2e/bench.test.ts runs the whole bench at 50 pages, which
 * copies only a few; this copies every page twice and lists each error at its line.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject } from '../../scripts/bench/build.ts';
import { generateHandbook, type GeneratedHandbook } from '../../scripts/bench/handbook.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { formatDiagnostic } from '../../src/lib/checks/diagnostic.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pagesOf = async (dir: string) => (await readdir(path.join(dir, 'src/content/docs'), { recursive: true })).filter((file) => file.endsWith('.mdx'));
let target: string;
let demo: string[];
let generated: GeneratedHandbook;

beforeAll(async () => {
	target = path.join(await mkdtemp(path.join(tmpdir(), 'opsbook-bench-handbook-')), 'handbook');
	await copyProject(root, target);
	demo = await pagesOf(root);
	// Two rounds of copies beyond the demo, so that every page, reviews and translations included, is copied.
	generated = await generateHandbook(root, target, demo.length * 3);
});
afterAll(() => rm(path.dirname(target), { recursive: true, force: true }));

describe('the bench handbook', () => {
	test('has the number of pages asked for, translations among them', async () => {
		expect(generated.pages).toBe(demo.length * 3);
		expect(await pagesOf(target)).toHaveLength(generated.pages);
		const translations = (await pagesOf(target)).filter((file) => file.startsWith('zh-cn/'));
		expect(generated.translations).toBe(translations.length);
		expect(translations.length).toBeGreaterThan(demo.filter((file) => file.startsWith('zh-cn/')).length * 2);
	});

	test('copies a review series as a series of its own under reviews/, where <ReviewSeries /> can list it', async () => {
		const pages = await pagesOf(target);
		const series = [...new Set(demo.flatMap((file) => /^reviews\/([^/]+)\//.exec(file)?.[1] ?? []))];
		expect(series.length).toBeGreaterThan(0);
		for (const name of series) {
			const own = demo.filter((file) => file.startsWith(`reviews/${name}/`)).map((file) => file.slice(`reviews/${name}/`.length));
			for (const copy of [1, 2]) {
				expect(pages.filter((file) => file.startsWith(`reviews/${name}-copy-${copy}/`)).map((file) => file.slice(`reviews/${name}-copy-${copy}/`.length)).sort()).toEqual(own.sort());
			}
		}
		// Outside reviews/, a series' index would fail the build: it lists the series of its own folder.
		expect(pages.filter((file) => /(^|\/)copy-\d+\/reviews\/[^/]+\//.test(file))).toEqual([]);
	});

	test('passes npm run check, warning only where the demo itself warns, once per copy', async () => {
		const [copied, original] = await Promise.all([checkHandbook(target, { base: false, today: '2026-11-22' }), checkHandbook(root, { base: false, today: '2026-11-22' })]);
		expect(copied.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
		const warnings = (result: typeof copied) => result.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic);
		// The demo's one outdated translation warns in each copy too: the same line, under copy-N/.
		expect(original.warnings).toBeGreaterThan(0);
		expect(new Set(warnings(copied).map((line) => line.replaceAll(/copy-\d+\//g, '')))).toEqual(new Set(warnings(original)));
		expect(copied.warnings).toBe(original.warnings * 3);
	});
});
