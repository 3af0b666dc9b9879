/** The review report as Markdown, for the pull request's description or a CI job summary. */
import { documentKindNames } from '../kinds.ts';
import { bumpBetween, bumpRank, type Bump } from '../versions/semver.ts';
import type { WordChange } from '../versions/words.ts';
import type { ReviewedPage, ReviewReport } from './report.ts';

/** A reworded text: each replaced phrase struck through, then the new one in bold. */
const markdownWords = (words: readonly WordChange[]) =>
	words.map((word) => (word.kind === 'same' ? word.text : word.kind === 'removed' ? `~~${word.text.trim()}~~ ` : `**${word.text.trim()}** `)).join('').replace(/ +(?=[ ,.;:!?])/g, '');

/** What a changed page's version step says: nothing when it covers the change, else what it needs. */
function stepNote(page: ReviewedPage): string {
	if (page.status !== 'changed' || !page.required) return '';
	const step = bumpBetween(page.from!, page.to!);
	if (step && bumpRank[step] >= bumpRank[page.required as Bump]) return '';
	return ` — **needs a ${page.required} step**, ${step ? `this is a ${step} one` : 'the version did not change'}`;
}

export function reviewMarkdown(report: ReviewReport): string {
	const lines = [`## Handbook review against \`${report.base}\``, ''];
	if (report.pages.length === 0) lines.push('No document changed.', '');
	const kinds = [...new Set(report.pages.map((page) => page.kind))];
	for (const kind of kinds) {
		lines.push(`### ${documentKindNames[kind]}s`, '');
		for (const page of report.pages.filter((p) => p.kind === kind)) {
			const version = page.status === 'added' ? `new, ${page.to}` : page.status === 'deleted' ? `deleted (was ${page.from})` : `${page.from} → ${page.to}`;
			lines.push(`- **${page.title}** (\`${page.id}\`, ${version})${stepNote(page)}`);
			if (page.unarchived) {
				lines.push(`  - **${page.unarchived} is not archived**: it was in force, and this change edits it. Run \`npm run release -- --backfill ${page.id}\` and commit the copy.`);
			}
			for (const change of page.changes) {
				lines.push(`  - ${change.bump}: ${change.message}`);
				if (change.words) lines.push(`    > ${markdownWords(change.words)}`);
			}
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
