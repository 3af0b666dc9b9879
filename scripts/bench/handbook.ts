/**
 * A large handbook for benchmarks: the demo handbook's pages copied until there are `pages` of
 * them, each copy with its own id, all references still pointing at the originals, so the copy
 * is as valid as the demo and exercises every check.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function generateHandbook(root: string, target: string, pages: number): Promise<number> {
	await cp(path.join(root, 'src/content'), path.join(target, 'src/content'), { recursive: true });
	const docs = path.join(root, 'src/content/docs');
	const files = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.mdx'));
	const texts = await Promise.all(files.map((file) => readFile(path.join(docs, file), 'utf8')));
	let count = files.length;
	for (let copy = 1; count < pages; copy++) {
		const dir = path.join(target, 'src/content/docs', `copy-${copy}`);
		await mkdir(dir, { recursive: true });
		for (const [i, file] of files.entries()) {
			if (count >= pages) break;
			// Only the page's own top-level id changes; everything it references stays as it was.
			const text = texts[i]!.replace(/^id: (.+)$/m, `id: $1-copy-${copy}`);
			await writeFile(path.join(dir, file.replaceAll('/', '-')), text);
			count++;
		}
	}
	return count;
}
