/**
 * npm run snapshot [-- --dataset ID --input PATH [--as-of DATE] [--out DIR]]
 *
 * With no arguments, (re)builds every demo dataset from its seeded generator. With --dataset and
 * --input, publishes a raw export as a checked Parquet snapshot with its manifest entry.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError, loadDataset } from '../src/lib/content/datasets.ts';
import { buildSnapshot, SnapshotError } from '../src/lib/snapshot/build.ts';
import { storeOf } from '../src/lib/snapshot/paths.ts';
import { demoExports, writeDemoExport } from './demo/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage =
	'usage: npm run snapshot [-- --dataset ID --input PATH [--as-of YYYY-MM-DD] [--out DIR] [--allow-extra]] [--if-missing]\n' +
	'  PATH is a CSV or Parquet file, a quoted glob ("exports/*.parquet"), or a folder of Hive-partitioned Parquet.';

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
		options: {
			dataset: { type: 'string' },
			input: { type: 'string' },
			'as-of': { type: 'string' },
			out: { type: 'string', default: storeOf(root) },
			'if-missing': { type: 'boolean', default: false },
			'allow-extra': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
		});
	} catch (error) {
		console.error(`snapshot: ${(error as Error).message}\n${usage}`);
		return 2;
	}
	const { values } = parsed;
	if (values.help) {
		console.log(usage);
		return 0;
	}
	if (Boolean(values.dataset) !== Boolean(values.input)) {
		console.error(`snapshot: --dataset and --input go together\n${usage}`);
		return 2;
	}
	const jobs = values.dataset
		? [{ id: values.dataset, input: values.input! }]
		: Object.keys(demoExports).map((id) => ({ id, input: path.join(root, 'data', 'demo', `${id}.csv`), demo: true }));

	for (const job of jobs) {
		const folder = path.join(values.out, job.id);
		if (values['if-missing'] && existsSync(path.join(folder, 'manifest.json'))) {
			console.log(`snapshot: ${job.id} already built (${path.relative(root, folder)}), skipped`);
			continue;
		}
		const started = performance.now();
		if ('demo' in job && !existsSync(job.input)) {
			const rows = await writeDemoExport(job.id, job.input);
			console.log(`snapshot: generated demo export ${path.relative(root, job.input)} (${rows.toLocaleString('en')} rows)`);
		}
		const dataset = await loadDataset(root, job.id);
		const entry = await buildSnapshot({
			dataset,
			input: job.input,
			asOf: values['as-of'],
			outDir: values.out,
			allowExtra: values['allow-extra'],
			onProgress: (message) => console.log(`snapshot: ${job.id}: ${message}`),
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`snapshot: ${job.id}@${entry.as_of} published: ${entry.rows.toLocaleString('en')} rows, ${entry.time_range.start} to ${entry.time_range.end}, ` +
				`sha256 ${entry.sha256.slice(0, 12)}… → ${path.relative(root, path.join(values.out, job.id, entry.file)) || entry.file} (${seconds} s)`,
		);
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		// Expected problems with the input are one line; anything else is a bug and keeps its stack.
		if (error instanceof SnapshotError || error instanceof DatasetError) {
			console.error(`snapshot: ${error.message}`);
		} else {
			console.error(error);
		}
		process.exit(1);
	},
);
