/**
 * A large handbook for benchmarks, in both languages: the demo handbook's English pages copied
 * until there are `pages` pages in all, each copy in a folder of its own (`copy-3/specs/…`) with
 * its own id, and each English page's Chinese translation copied beside it at the translated path
 * (`zh-cn/copy-3/specs/…`) with the same id. A review series stays under `reviews/`, where a
 * series must be, as a series of its own (`reviews/bot-service-copy-3/…`). Every reference still
 * points at the originals, so the copy is as valid as the demo and exercises every check,
 * translations included.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The folder of the one translated language, as the demo handbook lays it out. */
const translated = 'zh-cn';

export interface GeneratedHandbook {
	/** Pages in all, both languages. */
	pages: number;
	/** Of which translations. */
	translations: number;
}

export async function generateHandbook(root: string, target: string, pages: number): Promise<GeneratedHandbook> {
	await cp(path.join(root, 'src/content'), path.join(target, 'src/content'), { recursive: true });
	const docs = path.join(root, 'src/content/docs');
	const files = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
	const english = files.filter((file) => !file.startsWith(`${translated}/`));
	const translations = new Set(files.filter((file) => file.startsWith(`${translated}/`)).map((file) => file.slice(translated.length + 1)));
	const read = (file: string) => readFile(path.join(docs, file), 'utf8');
	// Only the page's own top-level id (an archived version's `archived_of` and slug with it)
	// changes; everything it references stays as it was. A copy sits one folder deeper, so its
	// relative imports of components climb one folder more; a series' copy sits beside the series,
	// as deep as it.
	const inSeries = (file: string) => /^reviews\/[^/]+\//.test(file);
	const copied = (file: string, copy: number) => (inSeries(file) ? file.replace(/^(reviews\/[^/]+)\//, `$1-copy-${copy}/`) : path.join(`copy-${copy}`, file));
	const renamed = (text: string, copy: number, file: string) => {
		const ids = text
			.replace(/^id: (.+)$/m, `id: $1-copy-${copy}`)
			.replace(/^archived_of: (.+)$/m, `archived_of: $1-copy-${copy}`)
			.replace(/^slug: (.+)$/m, `slug: copy-${copy}/$1`);
		return inSeries(file) ? ids : ids.replace(/(\bfrom\s+['"])((?:\.\.\/)+)/g, '$1../$2');
	};
	const write = async (file: string, text: string) => {
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, text);
	};
	// A page, its archived versions and their translations are copied together or not at all: a
	// copy without its archives would break the rule that every earlier version is kept. Units that
	// no longer fit are passed over for smaller ones, so the count comes out exact.
	const isArchive = (file: string) => /\/versions\/[^/]+\.mdx$/.test(file);
	const units = english.filter((file) => !isArchive(file)).map((file) => [file, ...english.filter((other) => isArchive(other) && other.startsWith(`${file.replace(/\.mdx$/, '')}/versions/`))]);

	const count = { pages: files.length, translations: translations.size };
	for (let copy = 1, added = 1; count.pages < pages && added > 0; copy++) {
		added = 0;
		for (const unit of units) {
			const size = unit.length + unit.filter((file) => translations.has(file)).length;
			if (count.pages + size > pages) continue;
			for (const file of unit) {
				await write(path.join(target, 'src/content/docs', copied(file, copy)), renamed(await read(file), copy, file));
				count.pages++;
				added++;
				if (translations.has(file)) {
					await write(path.join(target, 'src/content/docs', translated, copied(file, copy)), renamed(await read(`${translated}/${file}`), copy, file));
					count.pages++;
					count.translations++;
				}
			}
		}
	}
	return count;
}
