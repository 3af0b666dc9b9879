/**
 * npm run release -- <id>
 *
 * Freezes the current version of a page into an archived copy, readable at a stable URL.
 */
import path from 'node:path';
import { checkHandbook } from '../src/lib/checks/index.ts';
import { loadHandbook, paths, Report } from '../src/lib/checks/handbook.ts';
import { isLiveDocument } from '../src/schemas/page.ts';
import { release, ReleaseError, slugOf } from '../src/lib/versions/release.ts';

const root = path.resolve(import.meta.dirname, '..');
const id = process.argv[2];
if (!id || id.startsWith('-')) {
	console.error('usage: npm run release -- <page id>');
	process.exit(2);
}
const { handbook } = await loadHandbook(root, new Report());
const page = handbook.pages.find((candidate) => isLiveDocument(candidate.data) && candidate.data.id === id);
if (!page) {
	console.error(`release: no page with id "${id}"`);
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
