/** The handbook as it was at a git revision: which files existed and what they said. */
import { execFile, spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<string> {
	const { stdout } = await run('git', args, { cwd: root, maxBuffer: 256 * 2 ** 20 });
	return stdout;
}

/**
 * The revision to compare against: `ref` when given (it must exist), else `origin/main` when the
 * clone has it, else none — and the rules that need a base are skipped.
 */
export async function resolveBase(root: string, ref?: string): Promise<string | undefined> {
	// The rules read files by their path in the repository, so the handbook must be its root.
	if (!(await isRepositoryRoot(root))) {
		if (ref) throw new Error(`--base ${ref}: ${root} is not the root of a git repository`);
		return undefined;
	}
	const exists = (name: string) => git(root, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]).then(() => true, () => false);
	if (ref) {
		if (!(await exists(ref))) throw new Error(`--base ${ref}: no such revision in this repository`);
		return ref;
	}
	return (await exists('origin/main')) ? 'origin/main' : undefined;
}

/** Whether `root` is the top folder of a git repository (files in git are named from there). */
export async function isRepositoryRoot(root: string): Promise<boolean> {
	const top = await git(root, ['rev-parse', '--show-toplevel']).then((out) => out.trim(), () => undefined);
	return top !== undefined && (await realpath(top)) === (await realpath(root));
}

/** Files under `dir` at `ref`, relative to the repository root (the project is at its root). */
export async function filesAt(root: string, ref: string, dir: string): Promise<string[]> {
	return (await git(root, ['ls-tree', '-r', '--name-only', ref, '--', dir])).split('\n').filter(Boolean);
}

/** A file's text at `ref` (a process per call; for many files, `readAllAt`). */
export function readAt(root: string, ref: string, file: string): Promise<string> {
	return git(root, ['show', `${ref}:${file}`]);
}

/**
 * Many files' texts at `ref`, read by one `git cat-file --batch` process instead of a `git show`
 * per file: a map from each path to its text; a path that does not exist at `ref` is left out.
 * Paths are relative to the repository root (the project is at its root), as `filesAt` gives them.
 */
export async function readAllAt(root: string, ref: string, files: readonly string[]): Promise<Map<string, string>> {
	const texts = await readObjects(root, files.map((file) => `${ref}:${file}`), `at ${ref}`);
	return new Map(files.flatMap((file) => (texts.has(`${ref}:${file}`) ? [[file, texts.get(`${ref}:${file}`)!] as const] : [])));
}

/**
 * The texts of `revision:path` objects (of any revisions: a file through its history, say), by one
 * `git cat-file --batch`: a map from each object name to its text; one that does not exist is left out.
 */
export function readObjects(root: string, names: readonly string[], what = ''): Promise<Map<string, string>> {
	// `what` says in an error which objects these were, e.g. `at origin/main`.
	return new Promise((resolve, reject) => {
		const texts = new Map<string, string>();
		if (names.length === 0) return resolve(texts);
		const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
		let pending: Buffer = Buffer.alloc(0);
		let next = 0;
		let stderr = '';
		// Each answer is "<oid> <type> <size>\n<content>\n", or "<name> missing\n", in request order.
		child.stdout.on('data', (chunk: Buffer) => {
			pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
			for (;;) {
				const end = pending.indexOf(10);
				if (end < 0) return;
				const header = pending.subarray(0, end).toString('utf8');
				if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
					pending = pending.subarray(end + 1);
					next++;
					continue;
				}
				const size = Number(header.split(' ')[2]);
				if (pending.length < end + 1 + size + 1) return;
				texts.set(names[next]!, pending.subarray(end + 1, end + 1 + size).toString('utf8'));
				pending = pending.subarray(end + 1 + size + 1);
				next++;
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0 && next === names.length) resolve(texts);
			else reject(new Error(`git cat-file --batch ${what} in ${root} ${code === 0 ? `answered ${next} of ${names.length} objects` : `exited with ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`));
		});
		child.stdin.on('error', reject);
		child.stdin.end(names.map((name) => `${name}\n`).join(''));
	});
}

/** One commit that changed a file: its hash, its date (`YYYY-MM-DD`), and the file's path in it. */
export interface FileCommit {
	commit: string;
	date: string;
	path: string;
}

/**
 * The commits that changed `file` (relative to the repository root), newest first, following it
 * through renames; empty when the file has no history (not committed, or no repository).
 */
export async function fileHistory(root: string, file: string): Promise<FileCommit[]> {
	const out = await git(root, ['log', '--follow', '--format=%x00%H %cs', '--name-only', '--', file]).catch(() => '');
	return out
		.split('\0')
		.filter((entry) => entry.trim() !== '')
		.flatMap((entry) => {
			const [head, ...names] = entry.split('\n').filter(Boolean);
			const [commit, date] = head!.split(' ');
			// A commit that only touches the file's mode lists no name; it does not change the text.
			return names.length > 0 ? [{ commit: commit!, date: date!, path: names.at(-1)! }] : [];
		});
}
