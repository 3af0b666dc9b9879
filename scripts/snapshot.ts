/**
 * npm run snapshot -- --dataset ID --input PATH [--as-of DATE] [--out DIR] [--allow-extra]
 * npm run snapshot -- --demo [--out DIR]
 *
 * Publishes a raw export as a checked Parquet snapshot with its manifest entry, in the store
 * (`data/snapshots/`, or DIR). `--demo` (or no arguments) rebuilds the demo history — twelve weekly
 * snapshots of every demo dataset — from the seeded generators, byte for byte; `--if-missing` does
 * so only for the demo datasets that have no manifest yet.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError, loadDataset } from '../src/lib/content/datasets.ts';
import { buildSnapshot, SnapshotError } from '../src/lib/snapshot/build.ts';
import type { SnapshotEntry } from '../src/lib/snapshot/manifest.ts';
import { storeOf } from '../src/lib/snapshot/paths.ts';
import { demoExports, writeDemoExports } from './demo/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage =
	'usage: npm run snapshot -- --dataset ID --input PATH [--as-of YYYY-MM-DD] [--out DIR] [--allow-extra]\n' +
	'       npm run snapshot -- --demo [--out DIR] [--if-missing]\n' +
	'  PATH is a CSV or Parquet file, a quoted glob ("exports/*.parquet"), or a folder of Hive-partitioned Parquet.\n' +
	'  DIR is the snapshot store, data/snapshots/ by default.';

const shown = (file: string) => path.relative(process.cwd(), file) || file;

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			options: {
				dataset: { type: 'string' },
				input: { type: 'string' },
				'as-of': { type: 'string' },
				out: { type: 'string', default: storeOf(root) },
				demo: { type: 'boolean', default: false },
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
	if (values.dataset && values.demo) {
		console.error(`snapshot: --demo rebuilds the demo datasets; leave out --dataset and --input\n${usage}`);
		return 2;
	}
	if (values.dataset) {
		const started = performance.now();
		const dataset = await loadDataset(root, values.dataset);
		const entry = await buildSnapshot({
			dataset,
			input: values.input!,
			asOf: values['as-of'],
			outDir: values.out,
			allowExtra: values['allow-extra'],
			onProgress: (message) => console.log(`snapshot: ${dataset.id}: ${message}`),
		});
		console.log(summary(dataset.id, entry, values.out, started));
		return 0;
	}
	return demo(values.out, values['if-missing']);
}

/** Rebuilds the demo history of every demo dataset: its folder is replaced, snapshot by snapshot. */
async function demo(store: string, ifMissing: boolean): Promise<number> {
	for (const id of Object.keys(demoExports)) {
		const folder = path.join(store, id);
		if (ifMissing && existsSync(path.join(folder, 'manifest.json'))) {
			console.log(`snapshot: ${id} already published (${shown(folder)}), skipped`);
			continue;
		}
		const started = performance.now();
		const exports = await writeDemoExports(id, path.join(root, 'data', 'demo', id));
		await rm(folder, { recursive: true, force: true });
		const dataset = await loadDataset(root, id);
		let last: SnapshotEntry | undefined;
		for (const { asOf, file } of exports) {
			last = await buildSnapshot({
				dataset,
				input: file,
				asOf,
				outDir: store,
				// The restatement is the one line of a demo run worth reading.
				onProgress: (message) => message.startsWith('restates') && console.log(`snapshot: ${id}@${asOf}: ${message}`),
			});
		}
		console.log(`snapshot: ${id}: ${exports.length} weekly demo snapshots, ${exports[0]!.asOf} to ${last!.as_of}`);
		console.log(summary(id, last!, store, started));
	}
	return 0;
}

function summary(id: string, entry: SnapshotEntry, store: string, started: number): string {
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	return (
		`snapshot: ${id}@${entry.as_of} published: ${entry.rows.toLocaleString('en')} rows, ${entry.time_range.start} to ${entry.time_range.end}, ` +
		`sha256 ${entry.sha256.slice(0, 12)}… → ${shown(path.join(store, id, entry.file))} (${seconds} s)`
	);
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
