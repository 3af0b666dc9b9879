/**
 * npm run bench [-- --pages 1000 --runs 5]
 *
 * Times what authors wait for, each against a baseline measured in the same run, so the figures
 * compare across machines as ratios:
 * - check: `npm run check`'s work on a generated handbook of --pages pages, against the floor of
 *   reading the same files and parsing their YAML without positions or schemas.
 * Results go to the terminal and to .bench/results.json.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { checkHandbook } from '../src/lib/checks/index.ts';
import { extractFrontmatter } from '../src/lib/checks/frontmatter.ts';
import { generateHandbook } from './bench/handbook.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } } });
const pages = Number(values.pages);
const runs = Number(values.runs);

async function time(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
	await fn(); // warm-up: module loading and file-system caches
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) samples.push(await time(fn));
	return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

const work = await mkdtemp(path.join(tmpdir(), 'opsbook-bench-'));
try {
	const generated = await generateHandbook(root, work, pages);
	console.log(`bench: generated a handbook of ${generated} pages in ${work}`);

	const floor = await median(async () => {
		const docs = path.join(work, 'src/content/docs');
		const files = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.mdx'));
		await Promise.all(files.map(async (file) => parse(extractFrontmatter(await readFile(path.join(docs, file), 'utf8')).yaml)));
	});
	let errors = 0;
	const check = await median(async () => {
		errors = (await checkHandbook(work, { today: '2026-11-22' })).errors;
	});
	if (errors > 0) throw new Error(`the generated handbook has ${errors} errors; the benchmark needs a valid one`);

	const results = {
		machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
		check: { pages: generated, runs, ms: Math.round(check), baselineMs: Math.round(floor), ratio: Number((check / floor).toFixed(2)) },
	};
	console.log(`\n| what | pages | median | baseline (read + parse YAML) | ratio |`);
	console.log(`| --- | --- | --- | --- | --- |`);
	console.log(`| npm run check | ${generated} | ${results.check.ms} ms | ${results.check.baselineMs} ms | ${results.check.ratio}× |`);
	await mkdir(path.join(root, '.bench'), { recursive: true });
	await writeFile(path.join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
} finally {
	await rm(work, { recursive: true, force: true });
}
