/**
 * The imports of the project's source, read with TypeScript's parser, for the tests that hold its
 * layers and walls (tests/unit/layers.test.ts, tests/unit/walls.test.ts).
 *
 * Static imports, re-exports and `import()` count; a type-only import (`import type …`) is erased
 * at build time and crosses nothing. `.astro` files are read in their frontmatter and their
 * `<script>`s, never in their markup. TypeScript 7 has no parser API yet, so this uses TypeScript 6,
 * installed beside it for the `.astro` check.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript-6';

export const root = path.resolve(import.meta.dirname, '../..');

/** The code of a file that holds imports: a module's whole text, or an `.astro` file's frontmatter and scripts. */
function codeOf(file: string, text: string): string[] {
	if (!file.endsWith('.astro')) return [text];
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
	const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
	return [...(frontmatter ? [frontmatter] : []), ...scripts];
}

/** Every import specifier of a file that survives compilation, in order. */
export function importsOf(file: string, text: string): string[] {
	const specifiers: string[] = [];
	for (const code of codeOf(file, text)) {
		const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		const visit = (node: ts.Node) => {
			if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
			if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
			if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
				specifiers.push(node.arguments[0].text);
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return specifiers;
}

export interface Source {
	/** The file, relative to the root, with `/`. */
	file: string;
	/** Its import specifiers, as written. */
	imports: string[];
}

/** Every TypeScript, JavaScript and `.astro` file under the root's `dir`, with its imports. */
export async function sources(dir: string): Promise<Source[]> {
	const files = (await readdir(path.join(root, dir), { recursive: true })).filter((file) => /\.(ts|mts|mjs|js|astro)$/.test(file) && !file.endsWith('.d.ts')).sort();
	return Promise.all(
		files.map(async (file) => {
			const relative = `${dir}/${file.split(path.sep).join('/')}`;
			return { file: relative, imports: importsOf(relative, await readFile(path.join(root, relative), 'utf8')) };
		}),
	);
}

/** The project file a relative specifier of `from` names, query (`?url`) removed. */
export const resolveRelative = (from: string, specifier: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier.replace(/\?.*$/, '')));
