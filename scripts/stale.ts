/**
 * npm run stale [-- --strict] [--today YYYY-MM-DD]
 *
 * Lists the documents past their review date, oldest first, with owner and file, and the
 * translations whose source has moved on; with --strict, exits 1 when a review is overdue (for a
 * scheduled CI job). An outdated translation is reported but does not fail: `npm run check` warns.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadHandbook, Report } from '../src/lib/checks/handbook.ts';
import { ownership } from '../src/lib/ownership.ts';
import { today } from '../src/lib/stale.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false }, today: { type: 'string' }, root: { type: 'string', default: root } } });
const day = values.today ?? today();
const { handbook } = await loadHandbook(path.resolve(values.root), new Report());
const docs = ownership(handbook.pages, day, handbook.translations);
const stale = docs.filter((doc) => doc.stale);
for (const doc of stale) {
	console.log(`${doc.file}  ${doc.owner}  review was due ${doc.review_by} (${doc.overdue} day${doc.overdue === 1 ? '' : 's'} ago): ${doc.title}`);
}
const outdated = docs.flatMap((doc) => doc.translations.filter((translation) => translation.outdated).map((translation) => ({ doc, translation })));
if (stale.length > 0 && outdated.length > 0) console.log('');
for (const { doc, translation } of outdated) {
	console.log(`${translation.file}  ${doc.owner}  ${translation.lang} translation of ${translation.version}, source now ${doc.version}: ${doc.title}`);
}
const due = docs.filter((doc) => !doc.stale && doc.overdue > -30 && doc.status !== 'deprecated');
const translationNote = outdated.length > 0 ? `; ${outdated.length} translation${outdated.length === 1 ? '' : 's'} outdated` : '';
console.log(`${stale.length + outdated.length > 0 ? '\n' : ''}stale: ${stale.length} of ${docs.length} documents past their review date; ${due.length} due within 30 days${translationNote} (today ${day})`);
process.exitCode = values.strict && stale.length > 0 ? 1 : 0;
