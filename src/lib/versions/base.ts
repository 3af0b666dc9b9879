/**
 * The handbook's pages as they were at a git revision (the base of a change), read through the
 * same loader as today's, so that the version rules and the review report compare like with like.
 */
import { isLiveDocument, pageSchema, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { parseContent } from '../content/load.ts';
import { localeOfFile, paths } from '../content/paths.ts';
import { filesAt, readAllAt } from './git.ts';

export interface BasePage {
	file: string;
	text: string;
	/** The live document's data, where the file held one that still passes its schema. */
	data?: DataOf<DocumentKind>;
}

/**
 * Every English page at `base`, with its data where it still parses. Translations follow their
 * source's versions and are not held to the version rules themselves.
 */
export async function basePages(root: string, base: string): Promise<BasePage[]> {
	const files = (await filesAt(root, base, paths.docs)).filter((file) => /\.mdx?$/.test(file) && localeOfFile(file) === undefined);
	const texts = await readAllAt(root, base, files);
	return files.map((file) => {
		const text = texts.get(file) ?? '';
		const data = parseContent(text, pageSchema, { frontmatter: true }).parsed?.data;
		return { file, text, data: data && isLiveDocument(data) ? data : undefined };
	});
}
