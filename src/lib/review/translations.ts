/**
 * The translations a change touches: added, changed or deleted translation files, and those of
 * English pages this change moves on, which it leaves a version behind.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { isDocument } from '../../schemas/page.ts';
import type { Handbook } from '../checks/handbook.ts';
import { parseContent } from '../content/load.ts';
import { localeOfFile, paths } from '../content/paths.ts';
import { langOf } from '../i18n/locales.ts';
import { filesAt, readAllAt } from '../versions/git.ts';

export interface ReviewedTranslation {
	file: string;
	/** The language tag, e.g. `zh-CN`. */
	lang: string;
	id: string;
	/** `outdated`: the change moves the English page on and leaves this translation behind. */
	status: 'added' | 'changed' | 'deleted' | 'outdated';
	/** The English version it translates, and the English page's version after the change. */
	translates?: string;
	source?: string;
}

/** Of a deleted translation, only its id matters: whatever else it held may no longer parse. */
const idOnly = z.object({ id: z.string() });

export async function reviewTranslations(root: string, base: string, handbook: Handbook, touched: Set<string>): Promise<ReviewedTranslation[]> {
	const before = (await filesAt(root, base, paths.docs)).filter((file) => /\.mdx?$/.test(file) && localeOfFile(file) !== undefined);
	const texts = await readAllAt(root, base, before);
	const sources = new Map(handbook.pages.map((page) => [page.file, page.data]));
	const reviewed: ReviewedTranslation[] = [];
	for (const translation of handbook.translations) {
		const data = translation.data;
		if (!isDocument(data)) continue;
		const source = sources.get(translation.sourceFile);
		const sourceVersion = source && isDocument(source) ? source.version : undefined;
		const entry = { file: translation.file, lang: langOf(localeOfFile(translation.file)), id: data.id, translates: data.source_version, source: sourceVersion };
		const old = texts.get(translation.file);
		const text = await readFile(path.join(root, translation.file), 'utf8');
		if (old === undefined) reviewed.push({ ...entry, status: 'added' });
		else if (old !== text) reviewed.push({ ...entry, status: 'changed' });
		else if (touched.has(data.id) && data.source_version !== sourceVersion) reviewed.push({ ...entry, status: 'outdated' });
	}
	const now = new Set(handbook.translations.map((translation) => translation.file));
	for (const file of before.filter((file) => !now.has(file))) {
		const id = parseContent(texts.get(file) ?? '', idOnly, { frontmatter: true }).parsed?.data.id ?? '';
		reviewed.push({ file, lang: langOf(localeOfFile(file)), id, status: 'deleted' });
	}
	return reviewed.sort((a, b) => a.file.localeCompare(b.file));
}
