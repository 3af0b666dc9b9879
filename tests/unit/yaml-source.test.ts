/**
 * YAML with its positions (src/lib/content/yaml.ts): the value js-yaml reads is the value `yaml`
 * reads, for every YAML text the handbook has; places and errors come from `yaml` as before.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { extractFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { parseYamlSource } from '../../src/lib/content/yaml.ts';

const root = path.resolve(import.meta.dirname, '../..');

test('every front matter and YAML file of the handbook reads as the same value as yaml reads it', async () => {
	const content = path.join(root, 'src/content');
	const files = (await readdir(content, { recursive: true })).filter((file) => /\.(mdx?|ya?ml)$/.test(file));
	expect(files.length).toBeGreaterThan(50);
	for (const file of files) {
		const text = await readFile(path.join(content, file), 'utf8');
		const yaml = /\.ya?ml$/.test(file) ? text : extractFrontmatter(text).yaml;
		expect(parseYamlSource(yaml).value, file).toEqual(parseDocument(yaml, { uniqueKeys: true }).toJS());
	}
});

test('values YAML 1.2 keeps as text stay text: dates, versions, yes and no', () => {
	const source = parseYamlSource('effective: 2026-10-26\nversion: 1.0.2\nanswer: yes\nempty:\ncount: 0x10\n');
	expect(source.value).toEqual({ effective: '2026-10-26', version: '1.0.2', answer: 'yes', empty: null, count: 16 });
	expect(parseYamlSource('').value).toBeNull();
});

test('places are found on demand, at their file line', () => {
	const source = parseYamlSource('id: a\nlabels:\n  - id: x\n  - id: y\n', 2);
	expect(source.locate(['labels', 1, 'id'])).toEqual({ line: 5, column: 9, found: 'y', exists: true });
	expect(source.locate(['labels', 3])).toMatchObject({ line: 4, column: 3, exists: false });
});

test('a duplicate key and a syntax error are yaml\'s errors, at their place', () => {
	expect(parseYamlSource('id: a\nid: b\n', 2)).toMatchObject({ value: undefined, errors: [{ line: 3, column: 1, message: 'YAML syntax error: Map keys must be unique' }] });
	expect(parseYamlSource('tags: [a, b\n').errors[0]?.message).toMatch(/^YAML syntax error: /);
});
