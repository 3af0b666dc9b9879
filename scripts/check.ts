/**
 * npm run check [-- --json]
 *
 * Validates every page and data file and prints every problem as `file:line:col  field  message`.
 * Exits 1 when there is any error, 0 otherwise.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/checks/content.ts';
import { formatDiagnostic } from '../src/lib/checks/diagnostic.ts';

const { values } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		root: { type: 'string', default: path.resolve(import.meta.dirname, '..') },
	},
});

const started = performance.now();
const { files, diagnostics } = await checkContent(path.resolve(values.root));
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const ms = Math.round(performance.now() - started);

if (values.json) {
	console.log(JSON.stringify({ files, errors, warnings, diagnostics }, null, '\t'));
} else {
	for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	console.log(`${diagnostics.length > 0 ? '\n' : ''}check: ${plural(files, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${ms} ms)`);
}
process.exitCode = errors > 0 ? 1 : 0;
