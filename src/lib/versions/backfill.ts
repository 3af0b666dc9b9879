/**
 * Recovering earlier versions of a page from its git history (`npm run release -- --backfill <id>`):
 * every version its changelog lists that has no archived copy is looked up in the commits that
 * changed the file, newest first, and the last text it had is archived as that version. A version
 * the history does not hold is marked `archived: false` in the changelog, so that readers are told
 * its text is not kept rather than shown nothing.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { isLiveDocument, pageSchema } from '../../schemas/page.ts';
import { addToFrontmatter } from '../content/frontmatter.ts';
import { fieldPath } from '../content/issues.ts';
import { parseContent } from '../content/load.ts';
import { paths } from '../content/paths.ts';
import { fileHistory, isRepositoryRoot, readObjects } from './git.ts';
import { archiveCopy, archivePath, ReleaseError, writeArchive } from './release.ts';
import { compareVersions } from './semver.ts';

export interface BackfillResult {
	id: string;
	/** Versions archived from the history, with the commit each was taken from. */
	recovered: { version: string; archive: string; commit: string; date: string }[];
	/** Versions the history does not hold: marked `archived: false` in the changelog. */
	lost: string[];
	/** Versions found in the history whose text no longer passes today's page schema: left for a person. */
	invalid: { version: string; commit: string; problem: string }[];
}

/** Just enough of an old text to know whether it is a version of this page. */
const identity = z.object({ id: z.string(), version: z.string() });

/** The id and version a page's text declares, where it declares them. */
export const identify = (text: string) => parseContent(text, identity, { frontmatter: true }).parsed?.data;

/**
 * Backfills the page `file` (relative to the project root, a live page in the docs folder).
 * `write: false` says what it would do without writing.
 */
export async function backfill(root: string, file: string, { write }: { write: boolean }): Promise<BackfillResult> {
	const docsDir = path.join(root, paths.docs);
	const docsFile = path.posix.relative(paths.docs, file);
	const text = await readFile(path.join(root, file), 'utf8');
	const data = parseContent(text, pageSchema, { frontmatter: true }).parsed?.data;
	if (!data || !isLiveDocument(data)) throw new ReleaseError(`${file} is not a valid live document; run npm run check and fix it first`);
	const wanted = new Set(
		data.changelog
			.filter((entry) => compareVersions(entry.version, data.version) < 0 && entry.archived !== false)
			.map((entry) => entry.version)
			.filter((version) => !existsSync(path.join(docsDir, archivePath(docsFile, version)))),
	);
	const result: BackfillResult = { id: data.id, recovered: [], lost: [], invalid: [] };
	// Paths in the history are the repository's: the project must be its root.
	if (wanted.size > 0 && !(await isRepositoryRoot(root))) throw new ReleaseError(`--backfill reads git history, and ${root} is not the root of a git repository`);
	const history = wanted.size === 0 ? [] : await fileHistory(root, file);
	// Every text the file had, by one git process, newest first.
	const texts = await readObjects(root, history.map(({ commit, path: then }) => `${commit}:${then}`), `of ${file}`);
	for (const { commit, date, path: then } of history) {
		if (wanted.size === 0) break;
		const old = texts.get(`${commit}:${then}`);
		if (old === undefined) continue;
		const found = identify(old);
		if (!found || found.id !== data.id || !wanted.has(found.version)) continue;
		wanted.delete(found.version);
		const { problems } = parseContent(old, pageSchema, { frontmatter: true });
		if (problems.length > 0) {
			const [first] = problems;
			const field = first!.path.length > 0 ? `${fieldPath(first!.path)}  ` : '';
			result.invalid.push({ version: found.version, commit, problem: `${then}:${first!.line}:${first!.column}  ${field}${first!.message}` });
			continue;
		}
		const copy = archiveCopy(old, docsFile, { recoveredFrom: { commit, date } }, path.posix.relative(paths.docs, then));
		if (write) await writeArchive(docsDir, copy);
		result.recovered.push({ version: found.version, archive: path.posix.join(paths.docs, copy.archive), commit, date });
	}
	result.lost = [...wanted].sort(compareVersions).reverse();
	if (write && result.lost.length > 0) {
		const lost = new Set(result.lost);
		const marked = data.changelog.reduce((edited, entry, i) => (lost.has(entry.version) ? addToFrontmatter(edited, ['changelog', i], 'archived', 'false') : edited), text);
		await writeFile(path.join(root, file), marked);
	}
	return result;
}
