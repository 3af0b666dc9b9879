/**
 * Golden files: a report the code writes, compared with the approved copy in tests/golden/.
 *
 * A test never rewrites its own golden (a run that did would compare the output with itself and
 * pass whatever the code printed). When the output differs, or the golden does not exist yet, the
 * output is written beside it as `<name>.changed` and the test fails naming both files; a person
 * reads the difference and, if it is right, moves the `.changed` file over the golden (see
 * CONTRIBUTING.md, "Goldens"). `.changed` files are ignored by git.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

export const goldenDir = path.resolve(import.meta.dirname, '../golden');

/** Passes when `actual` is the golden `name`; otherwise writes `name.changed` for review and fails. */
export async function expectGolden(name: string, actual: string): Promise<void> {
	const file = path.join(goldenDir, name);
	const changed = `${file}.changed`;
	const approved = await readFile(file, 'utf8').catch(() => undefined);
	if (approved === actual) {
		await rm(changed, { force: true });
		return;
	}
	await writeFile(changed, actual);
	const relative = (target: string) => path.relative(process.cwd(), target);
	const what = approved === undefined ? `there is no golden ${relative(file)} yet` : `the output differs from ${relative(file)}`;
	expect.soft(actual, `${what}; the output is in ${relative(changed)}: review it (diff ${relative(file)} ${relative(changed)}) and, if it is right, mv ${relative(changed)} ${relative(file)}`).toBe(approved);
}
