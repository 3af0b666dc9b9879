/**
 * The build's output folder is emptied at once and what it held removed in the background
 * (src/lib/hosting/clear-out-dir.ts): nothing of the last build may stay in it, and a `.git` in it
 * must.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { clearOutDir } from '../../src/lib/hosting/clear-out-dir.ts';

function lastBuild() {
	const root = mkdtempSync(path.join(tmpdir(), 'opsbook-clear-'));
	const dist = path.join(root, 'dist');
	mkdirSync(path.join(dist, 'specs/a'), { recursive: true });
	mkdirSync(path.join(dist, '.git'));
	writeFileSync(path.join(dist, 'index.html'), '<p>old</p>');
	writeFileSync(path.join(dist, 'specs/a/index.html'), '<p>old</p>');
	writeFileSync(path.join(dist, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
	return { root, dist, trash: path.join(root, 'trash') };
}

describe('clearOutDir', () => {
	test('empties the output folder before it returns, keeps .git, and removes the trash in the background', async () => {
		const { dist, trash } = lastBuild();
		const removed = clearOutDir(dist, trash);
		expect(readdirSync(dist)).toEqual(['.git']);
		expect(readdirSync(path.join(dist, '.git'))).toEqual(['HEAD']);
		await removed;
		expect(readdirSync(trash)).toEqual([]);
	});

	test('removes the trash a killed build left behind', async () => {
		const { dist, trash } = lastBuild();
		mkdirSync(path.join(trash, '1234-1/specs'), { recursive: true });
		writeFileSync(path.join(trash, '1234-1/specs/index.html'), '<p>older</p>');
		await clearOutDir(dist, trash);
		expect(readdirSync(trash)).toEqual([]);
	});

	test('with no trash to rename into, removes the old files in place', async () => {
		const { root, dist } = lastBuild();
		const notAFolder = path.join(root, 'trash');
		writeFileSync(notAFolder, 'a file where the trash folder would be');
		await clearOutDir(dist, notAFolder);
		expect(readdirSync(dist)).toEqual(['.git']);
	});

	test('a first build, with no output folder yet, has nothing to clear', async () => {
		const { root, trash } = lastBuild();
		const missing = path.join(root, 'never-built');
		await clearOutDir(missing, trash);
		expect(existsSync(missing)).toBe(false);
		expect(existsSync(trash)).toBe(false);
	});
});
