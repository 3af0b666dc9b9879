/**
 * No function of `src/` or `scripts/` runs past 75 lines: past that it does several things, and
 * reads better as named steps that a reader can take one at a time (see CONTRIBUTING.md and
 * docs/architecture.md; checkReferences, validateStaged, layoutFlow and buildSnapshot were split
 * so). Read with TypeScript 6's parser, as tests/unit/imports.ts does.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript-6';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const limit = 75;

/** Each function, method or arrow function of `text` longer than `limit` lines, as `file:line name (N lines)`. */
export function longFunctions(file: string, text: string, max = limit): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) {
			const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
			const lines = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
			if (lines > max) {
				const named = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
				found.push(`${file}:${first + 1} ${named ? named.getText(source) : '(anonymous)'} (${lines} lines)`);
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

test(`no function of src/ or scripts/ is longer than ${limit} lines`, async () => {
	const files = (
		await Promise.all(['src', 'scripts'].map(async (dir) => (await readdir(path.join(root, dir), { recursive: true })).map((file) => `${dir}/${file.split(path.sep).join('/')}`)))
	)
		.flat()
		.filter((file) => /\.m?ts$/.test(file) && !file.endsWith('.d.ts'));
	expect(files.length).toBeGreaterThan(150);
	const found = (await Promise.all(files.map(async (file) => longFunctions(file, await readFile(path.join(root, file), 'utf8'))))).flat();
	expect(found, 'split each into a few named steps').toEqual([]);
});

test('the scan measures declarations, methods and arrow functions', () => {
	const body = (n: number) => Array.from({ length: n }, (_, i) => `\tconst a${i} = ${i};`).join('\n');
	const text = [`function short() {\n${body(3)}\n}`, `export function long() {\n${body(4)}\n}`, `const arrow = () => {\n${body(4)}\n};`, `class X {\n\tmethod() {\n${body(4)}\n\t}\n}`].join('\n');
	expect(longFunctions('x.ts', text, 5)).toEqual(['x.ts:6 long (6 lines)', 'x.ts:12 arrow (6 lines)', 'x.ts:19 method (6 lines)']);
});
