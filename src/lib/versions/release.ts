/**
 * Freezing a version: the live page is copied, as it is, to `<page>/versions/<version>.mdx`,
 * marked as an archive of its id (served at `<page>/v/<version>/`, hidden from the sidebar and
 * search, with a banner pointing at the current version), its relative imports adjusted to the
 * copy's place. The copy is never edited again; the validator sees to that.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { extractFrontmatter } from '../checks/frontmatter.ts';

export class ReleaseError extends Error {
	override name = 'ReleaseError';
}

/** Where the archive of `file` (relative to the docs folder) at `version` goes. */
export function archivePath(file: string, version: string): string {
	return path.join(file.replace(/\.mdx?$/, ''), 'versions', `${version}.mdx`);
}

/** The page's URL path, as Starlight derives it from the file. */
export const slugOf = (file: string) => file.replace(/\.mdx?$/, '').split(path.sep).join('/').toLowerCase();

export async function release(docsDir: string, file: string, today: string): Promise<{ archive: string; version: string }> {
	const source = path.join(docsDir, file);
	const text = await readFile(source, 'utf8');
	const { yaml, body } = extractFrontmatter(text);
	const document = parseDocument(yaml);
	const data = document.toJS() as { id: string; title: string; version: string; archived_of?: string };
	if (data.archived_of) throw new ReleaseError(`${file} is itself an archived copy`);
	const archive = archivePath(file, data.version);
	if (existsSync(path.join(docsDir, archive))) {
		throw new ReleaseError(`version ${data.version} of "${data.id}" is already released (${archive}); raise the version before releasing again`);
	}
	const slug = slugOf(file);
	document.set('archived_of', data.id);
	document.set('slug', `${slug}/v/${data.version}`);
	document.set('sidebar', { hidden: true });
	document.set('pagefind', false);
	document.set('banner', {
		content: `You are reading version ${data.version} of “${data.title}”, archived on ${today}. <a href="/${slug}/">Read the version in force</a>.`,
	});
	// Relative imports point where they did from the live page's folder.
	const from = path.dirname(source);
	const to = path.dirname(path.join(docsDir, archive));
	const rebased = body.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, (_, open: string, specifier: string, close: string) => {
		const target = path.resolve(from, specifier);
		let relative = path.relative(to, target).split(path.sep).join('/');
		if (!relative.startsWith('.')) relative = `./${relative}`;
		return `${open}${relative}${close}`;
	});
	await mkdir(to, { recursive: true });
	await writeFile(path.join(docsDir, archive), `---\n${String(document).trimEnd()}\n---\n${rebased}`);
	return { archive, version: data.version };
}
