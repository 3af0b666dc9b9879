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
	const top = await git(root, ['rev-parse', '--show-toplevel']).then((out) => out.trim(), () => undefined);
	if (!top || (await realpath(top)) !== (await realpath(root))) {
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
export function readAllAt(root: string, ref: string, files: readonly string[]): Promise<Map<string, string>> {
	return new Promise((resolve, reject) => {
		const texts = new Map<string, string>();
		if (files.length === 0) return resolve(texts);
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
				texts.set(files[next]!, pending.subarray(end + 1, end + 1 + size).toString('utf8'));
				pending = pending.subarray(end + 1 + size + 1);
				next++;
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0 && next === files.length) resolve(texts);
			else reject(new Error(`git cat-file --batch at ${ref} in ${root} ${code === 0 ? `answered ${next} of ${files.length} files` : `exited with ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`));
		});
		child.stdin.on('error', reject);
		child.stdin.end(files.map((file) => `${ref}:${file}\n`).join(''));
	});
}
