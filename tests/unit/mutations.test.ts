/**
 * Property-style: take the valid demo handbook, break it in one place at a time — an edge to a
 * missing step, an undeclared placeholder, a renamed label, broken YAML — and require that the
 * validator names the file and the line of each break. Every edge, variant and referenced label
 * of the demo is tried, so new content is covered as it is added.
 */
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LineCounter, parseDocument, isScalar } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import type { Diagnostic } from '../../src/lib/checks/diagnostic.ts';
import { Random } from '../../scripts/demo/random.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = await mkdtemp(path.join(tmpdir(), 'opsbook-mutations-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const docsDir = path.join(root, 'src/content/docs');
const pages = (await readdir(docsDir, { recursive: true })).filter((file) => file.endsWith('.mdx')).map((file) => `src/content/docs/${file}`);
const texts = new Map(await Promise.all(pages.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const)));

/** The frontmatter of a page as a YAML document with positions; line 1 of the YAML is line 2 of the file. */
function frontmatter(text: string) {
	const yaml = text.split('\n---', 1)[0]!.slice(4);
	const lineCounter = new LineCounter();
	return { document: parseDocument(yaml, { lineCounter }), lineCounter, offset: 4 };
}

/** Replaces the scalar at `at` with `value`; returns the new text and the file line of the scalar. */
function replaceScalar(text: string, at: (string | number)[], value: string): { text: string; line: number } {
	const { document, lineCounter, offset } = frontmatter(text);
	const node = document.getIn(at, true);
	if (!isScalar(node) || !node.range) throw new Error(`no scalar at ${at.join('.')}`);
	const [start, end] = node.range;
	return { text: text.slice(0, offset + start) + value + text.slice(offset + end), line: lineCounter.linePos(start).line + 1 };
}

let run = 0;
/** Checks a copy of the handbook with `changes` applied. */
async function checkWith(changes: Record<string, string>): Promise<Diagnostic[]> {
	const copy = path.join(work, String(run++));
	await cp(path.join(root, 'src/content'), path.join(copy, 'src/content'), { recursive: true });
	// The snapshot store, which the pages pin, is read and never changed: linked, not copied.
	await symlink(path.join(root, 'data'), path.join(copy, 'data'));
	for (const [file, text] of Object.entries(changes)) await writeFile(path.join(copy, file), text);
	return (await checkHandbook(copy, { today: '2026-11-22' })).diagnostics.filter((d) => d.severity === 'error');
}

type Data = Record<string, unknown> & { kind?: string };
const data = (file: string) => frontmatter(texts.get(file)!).document.toJS() as Data;
// Archived copies are frozen and exempt from these checks (the versions rules guard them instead).
const ofKind = (kind: string) => pages.filter((file) => data(file).kind === kind && !data(file).archived_of);

const edgeCases = ofKind('escalation-flow').flatMap((file) => (data(file).edges as unknown[]).map((_, i) => [file, i] as const));
const variantCases = ofKind('reply-script').flatMap((file) => (data(file).variants as unknown[]).map((_, i) => [file, i] as const));
const labelCases = ofKind('labeling-spec').flatMap((file) => (data(file).labels as { id: string }[]).map((label, i) => [file, i, label.id] as const));

describe('a break anywhere in the demo handbook is reported at its file and line', () => {
	test('the demo handbook itself is valid', async () => {
		expect(await checkWith({})).toEqual([]);
		expect(edgeCases.length).toBeGreaterThan(10);
		expect(variantCases.length).toBeGreaterThanOrEqual(9);
	});

	test.each(edgeCases)('%s: edges[%i] pointed at a missing step', async (file, i) => {
		const broken = replaceScalar(texts.get(file)!, ['edges', i, 'to'], 'nowhere');
		const errors = await checkWith({ [file]: broken.text });
		expect(errors).toContainEqual(expect.objectContaining({ file, line: broken.line, field: `edges[${i}].to`, message: expect.stringMatching(/^no step "nowhere" in this flow/) }));
	});

	test.each(variantCases)('%s: variants[%i] uses an undeclared placeholder', async (file, i) => {
		const original = (data(file).variants as { text: string }[])[i]!.text;
		const broken = replaceScalar(texts.get(file)!, ['variants', i, 'text'], JSON.stringify(`${original} {{unknown_slot}}`));
		const errors = await checkWith({ [file]: broken.text });
		expect(errors).toContainEqual(expect.objectContaining({ file, line: broken.line, field: `variants[${i}].text`, message: expect.stringContaining('uses {{unknown_slot}}, which is not declared') }));
	});

	test.each(labelCases)('%s: labels[%i] (%s) renamed, so everything that names it breaks', async (file, i, id) => {
		const broken = replaceScalar(texts.get(file)!, ['labels', i, 'id'], 'renamed_label');
		const errors = await checkWith({ [file]: broken.text });
		if (file.startsWith('src/content/docs/zh-cn/')) {
			// A translation that renames a label departs from its English source, at that line.
			expect(errors).toContainEqual(expect.objectContaining({ file, line: broken.line, field: `labels[${i}].id`, message: expect.stringContaining('a translation changes only the words') }));
			return;
		}
		// The tree leaf that named it, in the same file.
		expect(errors).toContainEqual(expect.objectContaining({ file, message: expect.stringMatching(new RegExp(`^no label "${id}" in this spec`)) }));
		// Every reply script answering it, in its own file, at its intent line.
		for (const reply of ofKind('reply-script').filter((r) => data(r).intent === id)) {
			const line = replaceScalar(texts.get(reply)!, ['intent'], id).line;
			expect(errors).toContainEqual(expect.objectContaining({ file: reply, line, field: 'intent' }));
		}
	});

	const random = new Random(7);
	const yamlCases = pages.map((file) => {
		// The frontmatter runs from line 2 to the line before the closing "---".
		const closing = texts.get(file)!.split('\n').indexOf('---', 1) + 1;
		return [file, 2 + Math.floor(random.next() * (closing - 2))] as const;
	});
	test.each(yamlCases)('%s: YAML broken at line %i', async (file, line) => {
		const lines = texts.get(file)!.split('\n');
		lines.splice(line - 1, 0, 'broken: [unclosed');
		const errors = await checkWith({ [file]: lines.join('\n') });
		// One error, in that file, at or after the broken line — and no cascade in the files that
		// refer to it.
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file, message: expect.stringMatching(/^YAML syntax error/) });
		expect(errors[0]!.line).toBeGreaterThanOrEqual(line);
	});
});
