/**
 * npm run bench [-- --pages 1000 --rows 10000000 --browser-rows 1000000 --runs 5 --snapshot-runs 3 --build-runs 3 --out .bench/results.json]
 *                 [--only check,snapshot,build,browser]
 *
 * Times what authors, data teams and readers wait for, each against a baseline measured in the
 * same run, so the figures compare across machines as ratios (scripts/bench/rows.ts says how a
 * row is made, and how to add one):
 * - check: `npm run check` on a generated handbook of --pages pages in both languages;
 * - snapshot: publishing --rows raw rows, against DuckDB's plain sorted copy; time and peak memory;
 * - build: `npm run build` of that handbook, against bare Starlight on as many one-screen pages,
 *   as Markdown and as MDX;
 * - browser: a copy of the site whose bot review reads --browser-rows rows, in Chromium.
 * Prints a Markdown table (the README's "How fast") and writes every row to --out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowser } from './bench/browser.ts';
import { bareStarlight, benchBuild, commitAll, copyProject } from './bench/build.ts';
import { benchCheck } from './bench/check.ts';
import { generateHandbook } from './bench/handbook.ts';
import { Results } from './bench/rows.ts';
import { benchSnapshot } from './bench/snapshot.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		pages: { type: 'string', default: '1000' },
		rows: { type: 'string', default: '10000000' },
		'browser-rows': { type: 'string', default: '1000000' },
		runs: { type: 'string', default: '5' },
		'snapshot-runs': { type: 'string', default: '3' },
		'build-runs': { type: 'string', default: '3' },
		out: { type: 'string', default: path.join(root, '.bench', 'results.json') },
		only: { type: 'string' },
	},
});
const sections = ['check', 'snapshot', 'build', 'browser'] as const;
type Section = (typeof sections)[number];
// While working on one part, its section alone: the others take minutes each.
const only = new Set((values.only ?? sections.join(',')).split(',').map((name) => name.trim()));
for (const name of only) {
	if (!sections.includes(name as Section)) {
		console.error(`bench: --only takes sections from ${sections.join(', ')}, not "${name}"`);
		process.exit(2);
	}
}
const runs = (section: Section) => only.has(section);
const count = (name: keyof typeof values) => {
	const value = Number(values[name]);
	if (!Number.isInteger(value) || value < 1) {
		console.error(`bench: --${name} takes a whole number, not "${values[name]}"`);
		process.exit(2);
	}
	return value;
};
const options = {
	pages: count('pages'),
	rows: count('rows'),
	browserRows: count('browser-rows'),
	runs: count('runs'),
	snapshotRuns: count('snapshot-runs'),
	buildRuns: count('build-runs'),
};

const started = performance.now();
const work = await mkdtemp(path.join(tmpdir(), 'opsbook-bench-'));
const results = new Results();
try {
	// The handbook the check and the build read: the project with the generated pages, in git.
	const handbook = path.join(work, 'handbook');
	await copyProject(root, handbook);
	const generated = await generateHandbook(root, handbook, options.pages);
	await commitAll(handbook);
	console.log(`bench: generated a handbook of ${generated.pages} pages (${generated.translations} in Chinese) in ${handbook}`);

	if (runs('check')) await benchCheck(results, handbook, generated, options.runs);
	if (runs('snapshot')) await benchSnapshot(results, work, options.rows, options.snapshotRuns);
	if (runs('build')) {
		const bare = path.join(work, 'bare-starlight');
		const bareMdx = path.join(work, 'bare-starlight-mdx');
		await bareStarlight(root, bare, generated);
		await bareStarlight(root, bareMdx, generated, 'mdx');
		await benchBuild(results, root, { handbook, bare, bareMdx }, generated, options.buildRuns);
	}
	if (runs('browser')) await benchBrowser(results, root, work, options.browserRows, options.runs);

	console.log(`\n${results.table()}\n`);
	const out = path.resolve(values.out);
	await mkdir(path.dirname(out), { recursive: true });
	const machine = { cpus: cpus().length, node: process.version };
	await writeFile(out, `${JSON.stringify({ machine, options, seconds: Math.round((performance.now() - started) / 1000), rows: results.rows }, null, '\t')}\n`);
	console.log(`bench: wrote ${results.rows.length} rows to ${path.relative(process.cwd(), out) || out} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
} finally {
	await rm(work, { recursive: true, force: true });
}
