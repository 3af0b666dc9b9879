/**
 * The walls of docs/architecture.md ("Walls"), enforced by reading every import of the project.
 * Each test names one wall; a failure lists each import that crosses it as `file  →  specifier`.
 *
 * Imports are read by tests/unit/imports.ts (TypeScript's parser; type-only imports cross nothing).
 * The layers between the folders of src/lib (no cycle, schemas import only Zod) are held by
 * tests/unit/layers.test.ts.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { importsOf, resolveRelative, sources } from './imports.ts';

interface Import {
	/** The importing file, relative to the root, with `/`. */
	from: string;
	/** The specifier as written. */
	specifier: string;
	/** The project file it resolves to, for relative specifiers. */
	target?: string;
}

let imports: Import[] = [];
let files: string[] = [];

beforeAll(async () => {
	const all = [...(await sources('src')), ...(await sources('scripts'))];
	files = all.map(({ file }) => file);
	const known = new Set(files);
	imports = all.flatMap(({ file, imports: specifiers }) =>
		specifiers.map((specifier): Import => {
			if (!specifier.startsWith('.')) return { from: file, specifier };
			const resolved = resolveRelative(file, specifier);
			return { from: file, specifier, target: known.has(resolved) ? resolved : undefined };
		}),
	);
});

const show = (list: Import[]) => list.map((i) => `${i.from}  →  ${i.specifier}`);
const inside = (folder: string) => (file: string) => file.startsWith(`${folder}/`) || file === folder;

/** Every project file `start` reaches through its imports, itself included. */
function reachable(start: string): Set<string> {
	const seen = new Set<string>();
	const queue = [start];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const i of imports) if (i.from === file && i.target) queue.push(i.target);
	}
	return seen;
}

/** Astro's runtime: what only works inside an Astro build or dev server. Zod from `astro/zod` is plain Zod. */
const astroRuntime = (specifier: string) => (/^astro(:|\/|$)/.test(specifier) && specifier !== 'astro/zod') || specifier.startsWith('@astrojs/');

describe('walls', () => {
	test('the scan sees the imports it must judge', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(show(imports.filter((i) => i.specifier.startsWith('@duckdb/')))).toEqual(expect.arrayContaining(['src/lib/query/server.ts  →  @duckdb/node-api']));
		expect(
			importsOf(
				'x.astro',
				`---\nimport A from './A.astro';\nimport type { B } from 'b';\nexport { c } from 'c';\n---\n<p>import d from 'not code'</p>\n<script>\n\timport('./e.ts');\n</script>\n`,
			),
		).toEqual(['./A.astro', 'c', './e.ts']);
	});

	test('only src/lib/query/browser.ts imports DuckDB-WASM', () => {
		// The bench's baseline for the engine's cold start is DuckDB-WASM started bare, as its own
		// documentation does; it is built into the bench's copy of the site, never into the site.
		const baseline = 'scripts/bench/bare-duckdb.astro';
		expect(show(imports.filter((i) => i.specifier.startsWith('@duckdb/duckdb-wasm') && i.from !== 'src/lib/query/browser.ts' && i.from !== baseline))).toEqual([]);
	});

	test('only src/lib/query/server.ts imports DuckDB native (@duckdb/node-api)', () => {
		expect(show(imports.filter((i) => i.specifier.startsWith('@duckdb/node-api') && i.from !== 'src/lib/query/server.ts'))).toEqual([]);
	});

	test('only src/lib/query/parquet-arrow.ts decodes Parquet in the browser (hyparquet)', () => {
		expect(show(imports.filter((i) => i.specifier.startsWith('hyparquet') && !i.from.startsWith('src/lib/query/')))).toEqual([]);
	});

	test('chart specs take rows, never a database: src/lib/charts/ reaches no query engine and no snapshot', () => {
		// live.ts is the browser half of a chart: it asks src/lib/query/browser.ts for rows, then
		// hands them to the same specs as the build.
		const engines = ['src/lib/query/server.ts', 'src/lib/query/browser.ts'];
		const crossing = files
			.filter((file) => inside('src/lib/charts')(file) && file !== 'src/lib/charts/live.ts')
			.flatMap((file) => [...reachable(file)].filter((reached) => engines.includes(reached) || inside('src/lib/snapshot')(reached)).map((reached) => `${file}  →  ${reached}`));
		expect(crossing).toEqual([]);
	});

	test('schemas and checks import nothing from Astro\'s runtime, directly or through what they import', () => {
		const starts = files.filter((file) => inside('src/schemas')(file) || inside('src/lib/checks')(file));
		const crossing = starts.flatMap((start) =>
			[...reachable(start)].flatMap((file) => imports.filter((i) => i.from === file && astroRuntime(i.specifier)).map((i) => `${start}  →  ${i.from}  →  ${i.specifier}`)),
		);
		expect([...new Set(crossing)]).toEqual([]);
	});

	test('the command-line scripts run in plain Node: nothing they reach needs Astro\'s runtime', () => {
		// check-astro.ts loads Astro's language server on purpose: it is the .astro type check.
		const starts = files.filter((file) => /^scripts\/[^/]+\.ts$/.test(file) && file !== 'scripts/check-astro.ts');
		const crossing = starts.flatMap((start) =>
			[...reachable(start)].flatMap((file) => imports.filter((i) => i.from === file && astroRuntime(i.specifier)).map((i) => `${start}  →  ${i.from}  →  ${i.specifier}`)),
		);
		expect([...new Set(crossing)]).toEqual([]);
	});

	test('src/lib/ and src/schemas/ compute; they import nothing from the components or pages that render', () => {
		const crossing = imports.filter((i) => (inside('src/lib')(i.from) || inside('src/schemas')(i.from)) && i.target && (inside('src/components')(i.target) || inside('src/pages')(i.target)));
		expect(show(crossing)).toEqual([]);
	});
});
