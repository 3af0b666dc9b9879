/** The handbook as it was at a git revision: which files existed and what they said. */
import { execFile } from 'node:child_process';
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

/** A file's text at `ref`. */
export function readAt(root: string, ref: string, file: string): Promise<string> {
	return git(root, ['show', `${ref}:${file}`]);
}
