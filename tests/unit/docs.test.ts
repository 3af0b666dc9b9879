/**
 * The project's documentation stands alone and stays true to the tree: nothing cites notes kept
 * outside the repository, and every file a guide names (README.md, CONTRIBUTING.md,
 * docs/architecture.md) exists, so a file moved without its documentation fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const guides = ['README.md', 'CONTRIBUTING.md', 'docs/architecture.md'];
const self = 'tests/unit/docs.test.ts';
/** Files the guides name as what a command would write, in a worked example. */
const examples = new Set(['src/content/docs/specs/live-gifting-fraud/versions/2.2.0.mdx']);

/** Files of the repository: tracked ones and new ones not ignored. */
const repositoryFiles = () =>
	execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
		.split('\n')
		.filter((file) => file !== '' && existsSync(path.join(root, file)));

/** Names of notes that live outside the repository, which a reader of the repository cannot open. */
const outside = /\b(?:DESIGN|DOMAIN|STYLE|TOOLCHAIN|TEAM)\.md\b|\.\.\/shared\b|\/work\/(?:shared|main|wt-)/;

/** Paths a guide names: relative Markdown links, and backticked paths under the project's folders. */
export function namedPaths(markdown: string, from: string): string[] {
	const links = [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
		.map((match) => match[1]!)
		.filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('/'))
		.map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(from), target)));
	const code = [...markdown.matchAll(/`([^`\s]+)`/g)]
		.map((match) => match[1]!.replace(/[:,.]+$/, ''))
		.filter((text) => /^(?:src|scripts|tests|docs|data|\.github|\.ci)\/[\w./\-[\]…]*$/.test(text) && !/[<>*…]/.test(text));
	return [...new Set([...links, ...code])];
}

describe('the documentation', () => {
	test('no file cites notes kept outside the repository', async () => {
		const citing: string[] = [];
		for (const file of repositoryFiles()) {
			if (file === self || /\.(png|jpe?g|parquet|wasm|ico|woff2?)$/.test(file) || file === 'package-lock.json') continue;
			const lines = (await readFile(path.join(root, file), 'utf8')).split('\n');
			lines.forEach((line, i) => {
				if (outside.test(line)) citing.push(`${file}:${i + 1}  ${line.trim()}`);
			});
		}
		expect(citing, 'write what the code needs into docs/architecture.md or CONTRIBUTING.md and cite that').toEqual([]);
	});

	test.each(guides)('every file %s names exists', async (guide) => {
		const named = namedPaths(await readFile(path.join(root, guide), 'utf8'), guide);
		expect(named.length).toBeGreaterThan(3);
		expect(named.filter((file) => !examples.has(file) && !existsSync(path.join(root, file)))).toEqual([]);
	});

	test('the scan of named paths sees links and code paths, and skips placeholders', () => {
		expect(
			namedPaths('See [the guide](../CONTRIBUTING.md#goldens), `src/lib/query/browser.ts`, `npm test`, `data/snapshots/<dataset>/`, `tests/unit/<file>.test.ts` and [a site](https://x.example/).', 'docs/a.md'),
		).toEqual(['CONTRIBUTING.md', 'src/lib/query/browser.ts']);
	});
});
