/**
 * npm run check [-- --json] [--strict] [--today YYYY-MM-DD] [--audience ID]
 *
 * Validates every page and data file and prints every problem as `file:line:col  field  message`.
 * Exits 1 when there is any error, 0 otherwise. With --audience, also warns about every link the
 * site of that audience shows as plain text marked "(internal)".
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkHandbook } from '../src/lib/checks/index.ts';
import { formatDiagnostic } from '../src/lib/checks/diagnostic.ts';

const usage = 'usage: npm run check [-- --base REF] [--audience ID] [--json] [--strict] [--today YYYY-MM-DD] [--root DIR]';
let values;
try {
	({ values } = parseArgs({
		options: {
			json: { type: 'boolean', default: false },
			strict: { type: 'boolean', default: false },
			today: { type: 'string' },
			base: { type: 'string' },
			audience: { type: 'string' },
			root: { type: 'string', default: path.resolve(import.meta.dirname, '..') },
			help: { type: 'boolean', short: 'h', default: false },
		},
	}));
} catch (error) {
	console.error(`check: ${(error as Error).message}\n${usage}`);
	process.exit(2);
}
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
	console.error(`check: --today takes a date such as 2026-11-22, not "${values.today}"`);
	process.exit(2);
}

const started = performance.now();
const result = await checkHandbook(path.resolve(values.root), { strict: values.strict, today: values.today, base: values.base, audience: values.audience });
if (!result.base && !values.json) console.error('check: no --base and no origin/main: the version rules, which compare with a git base, were skipped');
const ms = Math.round(performance.now() - started);

if (values.json) {
	console.log(JSON.stringify(result, null, '\t'));
} else {
	for (const diagnostic of result.diagnostics) console.log(formatDiagnostic(diagnostic));
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	console.log(
		`${result.diagnostics.length > 0 ? '\n' : ''}check: ${plural(result.files, 'file')}, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} (${ms} ms)`,
	);
}
process.exitCode = result.errors > 0 ? 1 : 0;
