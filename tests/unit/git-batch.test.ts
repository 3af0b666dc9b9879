/**
 * `readAllAt`: many files at a revision through one `git cat-file --batch`, the same texts that
 * `git show` gives one by one, with paths missing at the revision left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readAllAt, readAt } from '../../src/lib/versions/git.ts';

let repo: string;
const files: Record<string, string> = {
	'docs/a.mdx': '---\ntitle: A\n---\n',
	'docs/with space.mdx': 'no trailing newline',
	'docs/zh-cn/中文.mdx': '---\ntitle: 礼物欺诈\n---\n多字节的文字，\n跨越缓冲区。\n',
	'docs/empty.mdx': '',
	'docs/big.mdx': 'x'.repeat(300_000) + '\n',
};
beforeAll(async () => {
	repo = await mkdtemp(path.join(tmpdir(), 'opsbook-git-'));
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
		await writeFile(path.join(repo, file), text);
	}
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'core.quotepath=false', ...args], { cwd: repo });
	git('init', '-q');
	git('add', '-A');
	git('commit', '-q', '-m', 'base');
	await writeFile(path.join(repo, 'docs/a.mdx'), 'changed after the commit\n');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

test('reads every file at the revision as git show does, in one process, and leaves out missing ones', async () => {
	const names = [...Object.keys(files), 'docs/missing.mdx'];
	const texts = await readAllAt(repo, 'HEAD', names);
	expect([...texts.keys()]).toEqual(Object.keys(files));
	for (const [file, text] of Object.entries(files)) {
		expect(texts.get(file)).toBe(text);
		expect(texts.get(file)).toBe(await readAt(repo, 'HEAD', file));
	}
});

test('no files: no process and an empty map; at an unknown revision every file is missing', async () => {
	expect((await readAllAt(repo, 'HEAD', [])).size).toBe(0);
	const texts = await readAllAt(repo, 'no-such-ref', ['docs/a.mdx']);
	expect(texts.size).toBe(0);
});
