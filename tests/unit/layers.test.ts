/**
 * The layers of src/: folders of src/lib import one another in one direction only (no cycle), schemas
 * import no presentation, and only the content loader reads YAML. A rule broken here is a rule that
 * will soon be written twice.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sources } from './imports.ts';

/** The unit of layering inside src/lib: its first folder, or the file itself at the top. */
const unitOf = (file: string) => {
	const parts = file.replace(/^src\/lib\//, '').split('/');
	return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
};

/** Edges between units of src/lib, each with one import that makes it, for the message. */
function unitGraph(files: { file: string; imports: string[] }[]): Map<string, Map<string, string>> {
	const graph = new Map<string, Map<string, string>>();
	for (const { file, imports } of files) {
		for (const specifier of imports.filter((s) => s.startsWith('.'))) {
			const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
			if (!target.startsWith('src/lib/')) continue;
			const [from, to] = [unitOf(file), unitOf(target)];
			if (from === to) continue;
			if (!graph.has(from)) graph.set(from, new Map());
			if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${file} imports ${specifier}`);
		}
	}
	return graph;
}

/** Every cycle of the graph, each once, as the imports that close it. */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
	const found = new Map<string, string[]>();
	const visit = (unit: string, trail: string[]) => {
		for (const [next, why] of graph.get(unit) ?? []) {
			const at = trail.indexOf(next);
			if (at !== -1) {
				const loop = [...trail.slice(at), next];
				const key = [...loop.slice(0, -1)].sort().join(' ');
				if (!found.has(key)) found.set(key, loop.slice(0, -1).map((from, i) => graph.get(from)!.get(loop[i + 1]!)!));
				continue;
			}
			if (trail.length < 12) visit(next, [...trail, next]);
		}
	};
	for (const unit of graph.keys()) visit(unit, [unit]);
	return [...found.values()];
}

const lib = await sources('src/lib');

describe('layers', () => {
	test('no import cycle between the folders of src/lib', () => {
		expect(cycles(unitGraph(lib))).toEqual([]);
	});

	test('the cycle finder finds a cycle, and names the imports that make it', () => {
		const graph = unitGraph([
			{ file: 'src/lib/checks/a.ts', imports: ['../versions/b.ts'] },
			{ file: 'src/lib/versions/b.ts', imports: ['../content/c.ts', '../checks/a.ts'] },
			{ file: 'src/lib/content/c.ts', imports: [] },
		]);
		expect(cycles(graph)).toEqual([['src/lib/checks/a.ts imports ../versions/b.ts', 'src/lib/versions/b.ts imports ../checks/a.ts']]);
	});

	test('schemas import only Zod and one another: no presentation, no content files', async () => {
		const wrong = (await sources('src/schemas')).flatMap(({ file, imports }) => imports.filter((s) => s !== 'astro/zod' && !/^\.\/[\w-]+\.ts$/.test(s)).map((s) => `${file} imports ${s}`));
		expect(wrong).toEqual([]);
	});

	test('only src/lib/content reads YAML', async () => {
		const all = [...lib, ...(await sources('src/components')), ...(await sources('src/pages')), ...(await sources('scripts'))];
		const readers = all.filter(({ file, imports }) => imports.includes('yaml') && !file.startsWith('src/lib/content/')).map(({ file }) => file);
		// The benchmark's baseline is the raw parse the loader is measured against.
		expect(readers.sort()).toEqual(['scripts/bench/check.ts']);
	});
});
