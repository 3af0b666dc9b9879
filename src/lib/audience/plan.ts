/**
 * The audience plan of a build: which pages, site paths and page ids one audience may not read,
 * worked out once from the page files themselves (their frontmatter, before Astro parses it), so
 * that the content loaders, the page links, the middleware that marks links "(internal)" and the
 * validator all agree. Plain Node: the validator runs it outside Astro.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { audiences, type Audience } from '../../schemas/audience.ts';
import { problemLine, readContent } from '../content/load.ts';
import { splitLocale, translatedLocales } from '../i18n/locales.ts';
import { readerOf, visibleTo } from './visibility.ts';

export const audiencesFile = 'src/content/audiences.yaml';
const docsDir = 'src/content/docs';

export interface AudiencePlan {
	reader: Audience;
	audiences: Audience[];
	/** Page files, relative to the project (`src/content/docs/specs/x.mdx`), left out of the build. */
	hiddenFiles: Set<string>;
	/** Ids of the documents left out. */
	hiddenIds: Set<string>;
	/** Site paths, without the base (`/specs/x/`, `/zh-cn/specs/x/`, `/quiz/x/`), that do not exist for the reader. */
	hiddenPaths: Set<string>;
}

interface PageHead {
	file: string;
	slug: string;
	id?: string;
	kind?: string;
	audience?: string[];
	archivedOf?: string;
}

const asList = (value: unknown): string[] | undefined => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : undefined);

/** Reads `src/content/audiences.yaml`: every audience, validated (errors name the file). */
export async function readAudiences(root: string): Promise<Audience[]> {
	const { parsed, problems } = await readContent(root, audiencesFile, audiences, { frontmatter: false });
	if (parsed) return parsed.data;
	// A handbook without the file has one audience: its own staff.
	if (problems.some((problem) => /cannot be read: it links to a file that does not exist/.test(problem.message))) return [{ id: 'internal', name: 'Internal', kind: 'internal', rows: {} }];
	throw new Error(`${audiencesFile} is not valid: ${problems.map((problem) => problemLine(audiencesFile, problem)).join('; ')} (run npm run check)`);
}

/** Any frontmatter: what this plan needs of a page is read before its schema judges it. */
const anyFields = z.record(z.string(), z.unknown());

async function pageHeads(root: string): Promise<PageHead[]> {
	const dir = path.join(root, docsDir);
	const files = (await readdir(dir, { recursive: true })).filter((file) => /\.mdx?$/.test(file) && !path.basename(file).startsWith('_'));
	const heads: PageHead[] = [];
	for (const relative of files) {
		const file = path.join(docsDir, relative).split(path.sep).join('/');
		// A page that does not parse fails the build's check anyway; it hides nothing here.
		const data: Record<string, unknown> = (await readContent(root, file, anyFields, { frontmatter: true })).parsed?.data ?? {};
		const slug = typeof data.slug === 'string' ? data.slug : relative.replace(/\.mdx?$/, '').split(path.sep).join('/').toLowerCase().replace(/(^|\/)index$/, '');
		heads.push({ file, slug, id: typeof data.id === 'string' ? data.id : undefined, kind: typeof data.kind === 'string' ? data.kind : undefined, audience: asList(data.audience), archivedOf: typeof data.archived_of === 'string' ? data.archived_of : undefined });
	}
	return heads;
}

const sitePath = (slug: string) => (slug === '' ? '/' : `/${slug}/`);

/** Works out what the audience `readerId` (default `internal`) may not read in the handbook at `root`. */
export async function audiencePlan(root: string, readerId: string | undefined): Promise<AudiencePlan> {
	const list = await readAudiences(root);
	const reader = readerOf(list, readerId);
	const heads = await pageHeads(root);
	const english = heads.filter((head) => splitLocale(head.file.slice(docsDir.length + 1)).locale === undefined);
	// A document's audience is its live English page's: archived versions and translations follow it.
	const liveById = new Map(english.filter((head) => head.id && !head.archivedOf).map((head) => [head.id!, head]));
	const englishBySource = new Map(english.map((head) => [head.file.slice(docsDir.length + 1), head]));
	const governing = (head: PageHead): PageHead => {
		const { locale, sourcePath } = splitLocale(head.file.slice(docsDir.length + 1));
		const source = locale ? englishBySource.get(sourcePath) ?? head : head;
		return source.archivedOf ? liveById.get(source.archivedOf) ?? source : source;
	};
	const plan: AudiencePlan = { reader, audiences: list, hiddenFiles: new Set(), hiddenIds: new Set(), hiddenPaths: new Set() };
	for (const head of heads) {
		if (visibleTo(governing(head).audience, reader)) continue;
		plan.hiddenFiles.add(head.file);
		if (head.id && !head.archivedOf) plan.hiddenIds.add(head.id);
		const paths = [sitePath(head.slug), ...(head.kind === 'labeling-spec' && head.id && !head.archivedOf ? [`/quiz/${head.id}/`] : [])];
		const { locale } = splitLocale(head.file.slice(docsDir.length + 1));
		for (const site of paths) {
			plan.hiddenPaths.add(site);
			// An English page is served under every locale too, as the fallback of its translation.
			if (!locale) for (const other of translatedLocales) plan.hiddenPaths.add(`/${other}${site}`);
		}
	}
	return plan;
}

const plans = Symbol.for('opsbook.audience-plans');
const cache = ((globalThis as Record<symbol, Map<string, Promise<AudiencePlan>> | undefined>)[plans] ??= new Map());

/**
 * The plan of the build under way, worked out once per process: the audience of `OPSBOOK_AUDIENCE`
 * for the project Astro runs in. Kept on `globalThis`, which Astro's config, loaders and page
 * modules share although they are loaded as different module graphs.
 */
export function buildPlan(): Promise<AudiencePlan> {
	const key = `${process.cwd()}\0${process.env.OPSBOOK_AUDIENCE ?? ''}`;
	let plan = cache.get(key);
	if (!plan) {
		plan = audiencePlan(process.cwd(), process.env.OPSBOOK_AUDIENCE);
		cache.set(key, plan);
	}
	return plan;
}
