/**
 * The review report of a change, for its pull request: what changed in each document (old → new
 * version, the structured diff), which translations it changes or leaves behind, what else it
 * touches through references, what the validator says, and which owners must approve.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isDocument, isLiveDocument, type DataOf, type DocumentKind } from '../../schemas/page.ts';
import { langOf } from '../i18n/locales.ts';
import { metrics as metricsSchema } from '../../schemas/metric.ts';
import { teams as teamsSchema } from '../../schemas/team.ts';
import { formatDiagnostic } from '../checks/diagnostic.ts';
import { extractFrontmatter } from '../checks/frontmatter.ts';
import { loadHandbook, localeOfFile, paths, Report } from '../checks/handbook.ts';
import { checkHandbook } from '../checks/index.ts';
import { basePages } from '../checks/versions.ts';
import { documentKindNames } from '../kinds.ts';
import { diffDocuments, requiredBump, type Change } from './diff.ts';
import { filesAt, readAt } from './git.ts';

export interface ReviewedPage {
	id: string;
	title: string;
	kind: DocumentKind;
	file: string;
	status: 'added' | 'changed' | 'deleted';
	from?: string;
	to?: string;
	required?: string;
	changes: Change[];
}

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

export interface ReviewReport {
	base: string;
	pages: ReviewedPage[];
	translations: ReviewedTranslation[];
	/** Pages and metrics that refer to a changed or deleted page. */
	affected: { id: string; kind: string; because: string }[];
	check: { errors: number; warnings: number; lines: string[] };
	/** Reviewer handles, by team, for the owners of every changed page. */
	owners: { team: string; reviewers: string[] }[];
}

export async function reviewChange(root: string, base: string, today = new Date().toISOString().slice(0, 10)): Promise<ReviewReport> {
	const { handbook } = await loadHandbook(root, new Report());
	const old = new Map((await basePages(root, base)).flatMap((page) => (page.data ? [[page.data.id, page] as const] : [])));
	const live = handbook.pages.filter((page) => isLiveDocument(page.data));
	const now = new Map(live.map((page) => [(page.data as DataOf<DocumentKind>).id, page]));
	const pages: ReviewedPage[] = [];
	for (const page of live) {
		const data = page.data as DataOf<DocumentKind>;
		const before = old.get(data.id)?.data;
		if (!before) {
			pages.push({ id: data.id, title: data.title, kind: data.kind, file: page.file, status: 'added', to: data.version, changes: [] });
			continue;
		}
		const changes = diffDocuments(before, data);
		const prose = (await readFile(path.join(root, page.file), 'utf8')) !== old.get(data.id)!.text;
		if (changes.length > 0 || prose || before.version !== data.version) {
			pages.push({ id: data.id, title: data.title, kind: data.kind, file: page.file, status: 'changed', from: before.version, to: data.version, required: requiredBump(changes), changes });
		}
	}
	for (const [id, page] of old) {
		if (!now.has(id) && page.data) pages.push({ id, title: page.data.title, kind: page.data.kind, file: page.file, status: 'deleted', from: page.data.version, changes: [] });
	}
	pages.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));

	const touched = new Set(pages.map((page) => page.id));
	const removedLabels = new Set(pages.flatMap((page) => page.changes.flatMap((change) => /^label `([^`]+)` (removed|renamed)/.exec(change.message)?.[1] ?? [])));
	const affected: ReviewReport['affected'] = [];
	for (const page of live) {
		const data = page.data as DataOf<DocumentKind>;
		if (touched.has(data.id)) continue;
		if (data.kind === 'reply-script' && removedLabels.has(data.intent)) affected.push({ id: data.id, kind: 'reply script', because: `answers intent \`${data.intent}\`, which this change removes` });
		const refers = [...touched].filter((id) => JSON.stringify(page.source.value).includes(`"${id}"`));
		for (const id of refers) affected.push({ id: data.id, kind: documentKindNames[data.kind].toLowerCase(), because: `refers to \`${id}\`` });
	}
	const catalog = metricsSchema.safeParse(parse(await readFile(path.join(root, paths.metrics), 'utf8').catch(() => '[]')));
	for (const metric of catalog.success ? catalog.data : []) {
		const changed = metric.depends_on.filter((dependency) => touched.has(dependency));
		if (changed.length > 0) {
			affected.push({ id: metric.id, kind: 'metric', because: `depends on ${changed.map((id) => `\`${id}\``).join(', ')}; its charts will mark the new versions` });
		}
	}

	const translations = await reviewTranslations(root, base, handbook, touched);
	const result = await checkHandbook(root, { base, today });
	const teams = teamsSchema.safeParse(parse(await readFile(path.join(root, paths.teams), 'utf8').catch(() => '[]')));
	const ownerOf = (id: string) => (now.get(id)?.data as DataOf<DocumentKind> | undefined)?.owner ?? old.get(id)?.data?.owner;
	const owning = new Set(
		[...pages.map((page) => page.id), ...translations.filter((t) => t.status !== 'outdated').map((t) => t.id)].map(ownerOf).filter((team) => team !== undefined),
	);
	const owners = [...owning].sort().map((team) => ({ team, reviewers: (teams.success ? teams.data.find((t) => t.id === team)?.reviewers : undefined) ?? [] }));
	return {
		base,
		pages,
		translations,
		affected,
		check: { errors: result.errors, warnings: result.warnings, lines: result.diagnostics.map(formatDiagnostic) },
		owners,
	};
}

/** The report as Markdown for the pull request's description or a CI job summary. */
export function reviewMarkdown(report: ReviewReport): string {
	const lines = [`## Handbook review against \`${report.base}\``, ''];
	if (report.pages.length === 0) lines.push('No document changed.', '');
	const kinds = [...new Set(report.pages.map((page) => page.kind))];
	for (const kind of kinds) {
		lines.push(`### ${documentKindNames[kind]}s`, '');
		for (const page of report.pages.filter((p) => p.kind === kind)) {
			const version = page.status === 'added' ? `new, ${page.to}` : page.status === 'deleted' ? `deleted (was ${page.from})` : `${page.from} → ${page.to}`;
			lines.push(`- **${page.title}** (\`${page.id}\`, ${version})${page.required ? ` — needs a ${page.required} step` : ''}`);
			for (const change of page.changes) lines.push(`  - ${change.bump}: ${change.message}`);
			if (page.status === 'changed' && page.changes.length === 0) lines.push('  - prose only');
		}
		lines.push('');
	}
	if (report.translations.length > 0) {
		lines.push('### Translations', '');
		for (const t of report.translations) {
			const what =
				t.status === 'outdated'
					? `now outdated: translates ${t.translates}, the English page becomes ${t.source}; update it, or readers see "translation may be outdated"`
					: t.status === 'deleted'
						? 'deleted'
						: `${t.status}, translates ${t.translates ?? '—'}${t.source && t.translates !== t.source ? ` (the English page is ${t.source})` : ''}`;
			lines.push(`- \`${t.file}\` (${t.lang}, \`${t.id}\`): ${what}`);
		}
		lines.push('');
	}
	if (report.affected.length > 0) {
		lines.push('### Also affected', '');
		for (const item of report.affected) lines.push(`- ${item.kind} \`${item.id}\`: ${item.because}`);
		lines.push('');
	}
	lines.push('### Validator', '');
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	lines.push(report.check.errors === 0 ? `No errors${report.check.warnings > 0 ? `, ${count(report.check.warnings, 'warning')}` : ''}.` : `**${count(report.check.errors, 'error')}**, ${count(report.check.warnings, 'warning')}:`);
	if (report.check.lines.length > 0) lines.push('', '```', ...report.check.lines, '```');
	lines.push('', '### Must approve', '');
	for (const owner of report.owners) lines.push(`- \`${owner.team}\`: ${owner.reviewers.length > 0 ? owner.reviewers.join(', ') : 'no reviewers listed in teams.yaml'}`);
	if (report.owners.length === 0) lines.push('- nobody: no document changed');
	return `${lines.join('\n')}\n`;
}

/**
 * The translations a change touches: added, changed or deleted translation files, and those of
 * English pages this change moves on, which it leaves a version behind.
 */
async function reviewTranslations(root: string, base: string, handbook: Awaited<ReturnType<typeof loadHandbook>>['handbook'], touched: Set<string>): Promise<ReviewedTranslation[]> {
	const before = (await filesAt(root, base, paths.docs)).filter((file) => /\.mdx?$/.test(file) && localeOfFile(file) !== undefined);
	const sources = new Map(handbook.pages.map((page) => [page.file, page.data]));
	const reviewed: ReviewedTranslation[] = [];
	for (const translation of handbook.translations) {
		const data = translation.data;
		if (!isDocument(data)) continue;
		const source = sources.get(translation.sourceFile);
		const sourceVersion = source && isDocument(source) ? source.version : undefined;
		const entry = { file: translation.file, lang: langOf(localeOfFile(translation.file)), id: data.id, translates: data.source_version, source: sourceVersion };
		const old = before.includes(translation.file) ? await readAt(root, base, translation.file) : undefined;
		const text = await readFile(path.join(root, translation.file), 'utf8');
		if (old === undefined) reviewed.push({ ...entry, status: 'added' });
		else if (old !== text) reviewed.push({ ...entry, status: 'changed' });
		else if (touched.has(data.id) && data.source_version !== sourceVersion) reviewed.push({ ...entry, status: 'outdated' });
	}
	const now = new Set(handbook.translations.map((translation) => translation.file));
	const deletedTexts = new Map(await Promise.all(before.filter((file) => !now.has(file)).map(async (file) => [file, await readAt(root, base, file)] as const)));
	for (const file of before.filter((file) => !now.has(file))) {
		const id = (() => {
			try {
				return String((parse(extractFrontmatter(deletedTexts.get(file) ?? '').yaml) as { id?: unknown } | null)?.id ?? '');
			} catch {
				return '';
			}
		})();
		reviewed.push({ file, lang: langOf(localeOfFile(file)), id, status: 'deleted' });
	}
	return reviewed.sort((a, b) => a.file.localeCompare(b.file));
}
