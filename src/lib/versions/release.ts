/**
 * Freezing a version: the live page is copied, as it is, to `<page>/versions/<version>.mdx`,
 * marked as an archive of its id (served at `<page>/v/<version>/`, hidden from the sidebar and
 * search, with a banner pointing at the current version), its relative imports adjusted to the
 * copy's place. The copy is never edited again; the validator sees to that.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractFrontmatter, setInFrontmatter, yamlString } from '../content/frontmatter.ts';
import { slugOf } from '../content/paths.ts';
import { parseYamlSource } from '../content/yaml.ts';
import { escapeHtml } from '../html.ts';

export class ReleaseError extends Error {
	override name = 'ReleaseError';
}

/** Where the archive of `file` (relative to the docs folder) at `version` goes. */
export function archivePath(file: string, version: string): string {
	return path.posix.join(file.split(path.sep).join('/').replace(/\.mdx?$/, ''), 'versions', `${version}.mdx`);
}

/** How the copy came to be, for its banner. */
export type Provenance = { archivedOn: string } | { recoveredFrom: { commit: string; date: string } };

/**
 * The archived copy of a page's `text`: its frontmatter marked as the archive of its id at its
 * version, its relative imports pointing where they did from `sourceFile` (the page's file when the
 * text was written; both relative to the docs folder, as is `file`, the page's file today).
 */
export function archiveCopy(text: string, file: string, provenance: Provenance, sourceFile = file): { archive: string; version: string; text: string } {
	const archive = (v: string) => archivePath(file, v);
	const slug = slugOf(file);
	const data = (parseYamlSource(extractFrontmatter(text).yaml).value ?? {}) as Record<string, unknown>;
	const [id, title, version] = [String(data.id), String(data.title), String(data.version)];
	const how =
		'archivedOn' in provenance
			? `archived on ${provenance.archivedOn}`
			: `recovered from the repository's history (commit ${provenance.recoveredFrom.commit.slice(0, 10)} of ${provenance.recoveredFrom.date})`;
	// Starlight renders a banner as HTML: the title is text and must stay text.
	const banner = `You are reading version ${version} of “${escapeHtml(title)}”, ${how}. <a href="/${slug}/">Read the version in force</a>.`;
	// Set where they stand, everything else as the author wrote it: the copy's diff is these lines.
	const marks: [string, string][] = [
		['archived_of', yamlString(id)],
		['slug', yamlString(`${slug}/v/${version}`)],
		['sidebar', '{ hidden: true }'],
		['pagefind', 'false'],
		// Quoted: a plain scalar in a flow map may not hold the banner's commas.
		['banner', `{ content: ${JSON.stringify(banner)} }`],
	];
	const frozen = marks.reduce((page, [key, value]) => setInFrontmatter(page, key, value), text);
	const { body } = extractFrontmatter(frozen);
	const rebased = rebaseImports(body, path.dirname(sourceFile), path.dirname(archive(version)));
	return { archive: archive(version), version, text: frozen.slice(0, frozen.length - body.length) + rebased };
}

/** The `from './x'` imports of an MDX body written in folder `from`, as seen from folder `to`. */
export function rebaseImports(body: string, from: string, to: string): string {
	return body.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, (_, open: string, specifier: string, close: string) => {
		let relative = path.posix.relative(to, path.posix.join(from, specifier));
		if (!relative.startsWith('.')) relative = `./${relative}`;
		return `${open}${relative}${close}`;
	});
}

/** Freezes the page `file` (relative to `docsDir`) at its current version. */
export async function release(docsDir: string, file: string, today: string): Promise<{ archive: string; version: string }> {
	const text = await readFile(path.join(docsDir, file), 'utf8');
	if (/^archived_of:/m.test(extractFrontmatter(text).yaml)) throw new ReleaseError(`${file} is itself an archived copy`);
	const copy = archiveCopy(text, file, { archivedOn: today });
	if (existsSync(path.join(docsDir, copy.archive))) {
		throw new ReleaseError(`version ${copy.version} of ${file} is already released (${copy.archive}); raise the version before releasing again`);
	}
	await writeArchive(docsDir, copy);
	return { archive: copy.archive, version: copy.version };
}

/** Writes an archived copy into the docs folder. */
export async function writeArchive(docsDir: string, copy: { archive: string; text: string }): Promise<void> {
	await mkdir(path.dirname(path.join(docsDir, copy.archive)), { recursive: true });
	await writeFile(path.join(docsDir, copy.archive), copy.text);
}

/** A page's text as far as a version goes: its data and its body. */
interface VersionText {
	data: unknown;
	body: string;
}

/**
 * Whether two texts hold the same version of a page: the same data apart from the changelog (which
 * is the page's history, not its rules) and the same body. `from` and `to` rebase the first body's
 * imports, to compare a page with its archived copy.
 */
export function sameVersion(a: VersionText & { from?: string; to?: string }, b: VersionText): boolean {
	const rules = (data: unknown) => JSON.stringify({ ...(data as object), changelog: undefined });
	const body = a.from !== undefined && a.to !== undefined ? rebaseImports(a.body, a.from, a.to) : a.body;
	return rules(a.data) === rules(b.data) && body === b.body;
}
