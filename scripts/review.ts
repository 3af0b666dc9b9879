/**
 * npm run review -- --base REF [--format markdown|json]
 *
 * The review report of the change since REF, for its pull request description.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBase } from '../src/lib/versions/git.ts';
import { reviewMarkdown } from '../src/lib/review/markdown.ts';
import { reviewChange } from '../src/lib/review/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'usage: npm run review -- [--base REF] [--format markdown|json]';
let values;
try {
	({ values } = parseArgs({ options: { base: { type: 'string' }, format: { type: 'string', default: 'markdown' }, root: { type: 'string', default: root } } }));
} catch (error) {
	console.error(`review: ${(error as Error).message}\n${usage}`);
	process.exit(2);
}
if (!['markdown', 'json'].includes(values.format)) {
	console.error(`review: --format is markdown or json, not "${values.format}"\n${usage}`);
	process.exit(2);
}
const base = await resolveBase(values.root, values.base).catch((error: Error) => {
	console.error(`review: ${error.message}`);
	process.exit(2);
});
if (!base) {
	console.error('review: no --base and no origin/main to compare with');
	process.exit(2);
}
const report = await reviewChange(path.resolve(values.root), base);
console.log(values.format === 'json' ? JSON.stringify(report, null, '\t') : reviewMarkdown(report));
process.exitCode = report.check.errors > 0 ? 1 : 0;
