/**
 * npm run release -- <id>
 * npm run release -- --backfill <id>… | --all [--dry-run]
 *
 * Freezes the current version of a page into an archived copy, readable at a stable URL; or, with
 * --backfill, recovers the earlier versions a page's changelog lists from its git history, and marks
 * those the history does not hold `archived: false`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugOf } from '../src/lib/content/paths.ts';
import { loadHandbook, paths, Report, type Page } from '../src/lib/checks/handbook.ts';
import { checkHandbook } from '../src/lib/checks/index.ts';
import { backfill, identify } from '../src/lib/versions/backfill.ts';
import { readAt } from '../src/lib/versions/git.ts';
import { release, ReleaseError } from '../src/lib/versions/release.ts';
import { isLiveDocument } from '../src/schemas/page.ts';

const usage = 'usage: npm run release -- <page id>\n       npm run release -- --backfill <page id>… | --all [--dry-run]';
let parsed;
try {
	parsed = parseArgs({ allowPositionals: true, options: { backfill: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, root: { type: 'string' } } });
} catch (error) {
	console.error(`release: ${(error as Error).message}\n${usage}`);
	process.exit(2);
}
const { values, positionals: ids } = parsed;
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
// --backfill takes ids or --all, one of the two; a plain release takes exactly one id.
const valid = values.backfill ? ids.length > 0 !== values.all : ids.length === 1 && !values.all && !values['dry-run'];
if (!valid) {
	console.error(usage);
	process.exit(2);
}

const { handbook } = await loadHandbook(root, new Report());
const live = handbook.pages.filter((page) => isLiveDocument(page.data) && page.data.kind !== 'metric-review');
const idOf = (page: Page) => (page.data as { id: string }).id;
const unknown = ids.filter((id) => !live.some((page) => idOf(page) === id));
if (unknown.length > 0) {
	console.error(`release: no document with id ${unknown.map((id) => `"${id}"`).join(', ')} (metric reviews have no versions to release)`);
	process.exit(1);
}

if (values.backfill) {
	const pages = values.all ? live : ids.map((id) => live.find((page) => idOf(page) === id)!);
	let failed = 0;
	for (const page of pages) {
		const result = await backfill(root, page.file, { write: !values['dry-run'] }).catch((error: unknown) => {
			if (!(error instanceof ReleaseError)) throw error;
			console.error(`release: ${idOf(page)}: ${error.message}`);
			failed++;
			return undefined;
		});
		if (!result) continue;
		const would = values['dry-run'] ? 'would be ' : '';
		for (const r of result.recovered) console.log(`release: ${result.id} ${r.version} ${would}recovered from commit ${r.commit.slice(0, 10)} (${r.date}) → ${r.archive}`);
		for (const version of result.lost) console.log(`release: ${result.id} ${version} is not in the git history: ${would}marked archived: false in ${page.file}`);
		for (const bad of result.invalid) {
			console.error(`release: ${result.id} ${bad.version} found in commit ${bad.commit.slice(0, 10)}, but it no longer passes the page schema:\n  ${bad.problem}\n  fix the copy by hand, or mark the version archived: false`);
			failed++;
		}
		if (!values.all && result.recovered.length + result.lost.length + result.invalid.length === 0) {
			console.log(`release: ${result.id}: nothing to backfill; every earlier version is archived or marked archived: false`);
		}
	}
	if (!values['dry-run']) console.log('release: check with npm run check, then commit the copies and the changelog with your change.');
	process.exit(failed > 0 ? 1 : 0);
}

const [id] = ids as [string];
const page = live.find((candidate) => idOf(candidate) === id)!;
const { status, version: current } = page.data as { status: string; version: string };
if (status === 'draft') {
	console.error(`release: ${id} is a draft, never in force: there is nothing to freeze yet. Set status: active when it comes into force.`);
	process.exit(1);
}
// Freezing after editing would archive the edit under the old number: the text as committed is the one to keep.
const committed = await readAt(root, 'HEAD', page.file).catch(() => undefined);
if (committed !== undefined && committed !== (await readFile(path.join(root, page.file), 'utf8')) && identify(committed)?.version === current) {
	console.error(
		`release: ${page.file} has changed since the last commit and is still version ${current}: freezing it now would keep your edits as ${current}. ` +
			`Raise the version and add its changelog entry, then run npm run release -- --backfill ${id}: it recovers ${current} as committed.`,
	);
	process.exit(1);
}
const before = await checkHandbook(root, { base: false });
if (before.errors > 0) {
	console.error(`release: the handbook has ${before.errors} errors; fix them first (npm run check)`);
	process.exit(1);
}
try {
	const file = path.relative(path.join(root, paths.docs), path.join(root, page.file));
	const { archive, version } = await release(path.join(root, paths.docs), file, new Date().toISOString().slice(0, 10));
	console.log(`release: froze ${id} ${version} as ${path.join(paths.docs, archive)}, served at /${slugOf(file)}/v/${version}/`);
	console.log('release: commit it with the change that follows; archived copies are never edited.');
} catch (error) {
	if (!(error instanceof ReleaseError)) throw error;
	console.error(`release: ${error.message}`);
	process.exit(1);
}
