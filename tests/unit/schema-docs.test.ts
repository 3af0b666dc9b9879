/**
 * Every field of every schema carries a JSDoc comment: the schemas are the documentation of the
 * handbook's fields (the README sends authors to them), and editors show the comment on hover.
 *
 * The schema modules are parsed with TypeScript's compiler API. The project compiles with
 * TypeScript 7, which has no such API yet, so this uses TypeScript 6, installed beside it as
 * `typescript-6` for the `.astro` check (scripts/check-astro.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript-6';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const schemaDir = path.join(root, 'src/schemas');

/** Calls whose first argument, an object literal, is a schema's shape: `z.object({…})`, `x.extend({…})`. */
const shapeCalls = new Set(['object', 'strictObject', 'looseObject', 'extend', 'safeExtend']);

interface Module {
	file: string;
	source: ts.SourceFile;
}

/** Each field without a JSDoc comment, as `file:line  path.to.field`, over the given modules. */
export function undocumentedFields(modules: Module[]): string[] {
	// Field maps declared as plain objects and spread into shapes, such as `commonFields`.
	const fieldMaps = new Map<string, { module: Module; literal: ts.ObjectLiteralExpression; name: string }>();
	const shapes: { module: Module; literal: ts.ObjectLiteralExpression; name: string }[] = [];
	for (const module of modules) {
		const visit = (node: ts.Node) => {
			if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
				fieldMaps.set(node.name.text, { module, literal: node.initializer, name: node.name.text });
			}
			if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && shapeCalls.has(node.expression.name.text)) {
				const [shape] = node.arguments;
				if (shape && ts.isObjectLiteralExpression(shape)) shapes.push({ module, literal: shape, name: ownerName(node) });
			}
			ts.forEachChild(node, visit);
		};
		visit(module.source);
	}
	const missing = new Set<string>();
	const seen = new Set<ts.ObjectLiteralExpression>();
	const check = ({ module, literal, name }: (typeof shapes)[number]) => {
		if (seen.has(literal)) return;
		seen.add(literal);
		for (const property of literal.properties) {
			if (ts.isSpreadAssignment(property)) {
				const map = ts.isIdentifier(property.expression) ? fieldMaps.get(property.expression.text) : undefined;
				if (map) check(map);
				continue;
			}
			const field = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : property.getText(module.source);
			const documented = ts.getJSDocCommentsAndTags(property).some((doc) => ts.isJSDoc(doc) && ts.getTextOfJSDocComment(doc.comment)?.trim());
			if (!documented) {
				const { line } = module.source.getLineAndCharacterOfPosition(property.getStart(module.source));
				missing.add(`${path.relative(root, module.file)}:${line + 1}  ${name}.${field}`);
			}
		}
	};
	shapes.forEach(check);
	const place = (entry: string) => /^(.*):(\d+) /.exec(entry)!;
	return [...missing].sort((a, b) => place(a)[1]!.localeCompare(place(b)[1]!) || Number(place(a)[2]) - Number(place(b)[2]) || a.localeCompare(b));
}

/** A readable name for the schema a shape belongs to: the variable or the field it is assigned to, with the fields around it. */
function ownerName(node: ts.Node): string {
	const names: string[] = [];
	for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
		if (ts.isPropertyAssignment(at) && (ts.isIdentifier(at.name) || ts.isStringLiteral(at.name))) names.unshift(at.name.text);
		if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) {
			names.unshift(at.name.text);
			break;
		}
	}
	return names.join('.') || '(shape)';
}

const parse = (file: string, text: string): Module => ({ file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) });

describe('schema documentation', () => {
	test('every field of every schema in src/schemas/ has a JSDoc comment', async () => {
		const files = (await readdir(schemaDir)).filter((file) => file.endsWith('.ts')).sort();
		const modules = await Promise.all(files.map(async (file) => parse(path.join(schemaDir, file), await readFile(path.join(schemaDir, file), 'utf8'))));
		expect(undocumentedFields(modules), 'add a one-line /** … */ comment above each of these fields').toEqual([]);
	});

	test('the scan finds an undocumented field at any depth, in spread field maps and in .extend()', () => {
		const module = parse(
			path.join(schemaDir, 'example.ts'),
			`import { z } from 'astro/zod';
const sharedFields = {
	/** Documented. */
	title: z.string(),
	owner: z.string(),
};
export const example = z.object({
	...sharedFields,
	/** Documented, with an undocumented field inside. */
	limits: z.object({
		bot: z.number(),
		/** Documented. */
		agent: z.number(),
	}),
	// A line comment is not documentation.
	status: z.enum(['a', 'b']).regex(/x/, { error: 'not a field' }),
	/** */
	empty: z.string(),
});
export const longer = example.extend({ extra: z.string() });
`,
		);
		expect(undocumentedFields([module])).toEqual([
			'src/schemas/example.ts:5  sharedFields.owner',
			'src/schemas/example.ts:11  example.limits.bot',
			'src/schemas/example.ts:16  example.status',
			'src/schemas/example.ts:18  example.empty',
			'src/schemas/example.ts:20  longer.extra',
		]);
	});
});
