/**
 * npm run new-review -- <series> [--snapshot dataset@as_of]
 *
 * Starts next week's review of a series (`src/content/docs/reviews/<series>/`) from its newest
 * page: the period moved on, the snapshot pinned to the newest published one (or --snapshot), the
 * commentary left as a placeholder for the owner. Refuses, in one line, a series that does not
 * exist, a snapshot that is not published or does not reach the new period, and a page that exists.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readManifest } from '../src/lib/snapshot/manifest.ts';
import { datasetFolder, parseSnapshotRef, storeOf, storePath } from '../src/lib/snapshot/paths.ts';
import { nextReview } from '../src/lib/reviews/next.ts';
import { reviewsDir } from '../src/lib/reviews/series.ts';
import { codeowners, codeownersFile } from '../src/lib/checks/codeowners.ts';
import { loadHandbook, Report } from '../src/lib/checks/handbook.ts';
import { extractFrontmatter } from '../src/lib/content/frontmatter.ts';
import { parseYamlSource } from '../src/lib/content/yaml.ts';

const usage = 'usage: npm run new-review -- <series> [--snapshot dataset@as_of] [--root DIR]';

class Refusal extends Error {}

async function main(): Promise<string> {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: { snapshot: { type: 'string' }, root: { type: 'string', default: path.resolve(import.meta.dirname, '..') }, help: { type: 'boolean', short: 'h', default: false } },
		});
	} catch (error) {
		throw new Refusal(`${(error as Error).message}\n${usage}`);
	}
	const { values, positionals } = parsed;
	if (values.help) return usage;
	if (positionals.length !== 1) throw new Refusal(`name one series\n${usage}`);
	const root = path.resolve(values.root);
	const series = positionals[0]!;
	const docs = path.join('src/content/docs', reviewsDir);
	const folder = path.join(docs, series);
	const known = (await readdir(path.join(root, docs), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
	const dated = (await readdir(path.join(root, folder)).catch(() => [] as string[])).filter((name) => /^\d{4}-\d{2}-\d{2}\.mdx$/.test(name)).sort();
	if (dated.length === 0) {
		throw new Refusal(`no reviews in ${folder}/ to start from${known.length > 0 ? ` (series: ${known.join(', ')})` : ''}`);
	}
	const last = path.join(folder, dated.at(-1)!);
	const text = await readFile(path.join(root, last), 'utf8');
	const pinned = String((parseYamlSource(extractFrontmatter(text).yaml).value as { snapshot?: string } | undefined)?.snapshot ?? '');
	const { dataset } = parseSnapshotRef(pinned);
	const manifest = await readManifest(datasetFolder(storeOf(root), dataset));
	const published = manifest?.snapshots.map((entry) => `${dataset}@${entry.as_of}`) ?? [];
	const snapshot = values.snapshot ?? published.at(-1);
	if (!snapshot || !published.includes(snapshot)) {
		throw new Refusal(`${values.snapshot ? `snapshot ${values.snapshot} is not published` : `${dataset} has no published snapshot`}; ${storePath(dataset)}/manifest.json lists ${published.join(', ') || 'none'}`);
	}
	const next = nextReview(text, snapshot);
	const { asOf } = parseSnapshotRef(snapshot);
	if (asOf < next.period.start) {
		throw new Refusal(
			`${snapshot} ends before the next period (${next.period.start} to ${next.period.end}); publish that week's export first: npm run snapshot -- --dataset ${dataset} --input …`,
		);
	}
	const file = path.join(folder, `${next.period.end}.mdx`);
	if (existsSync(path.join(root, file))) throw new Refusal(`${file} exists already; edit it, or remove it to start again`);
	await writeFile(path.join(root, file), next.text);
	// The new page has an owner like any other: CODEOWNERS follows, as npm run check requires.
	const owners = existsSync(path.join(root, '.github'));
	if (owners) await writeFile(path.join(root, codeownersFile), codeowners((await loadHandbook(root, new Report())).handbook));
	return [
		`new-review: wrote ${file}${owners ? ` and updated ${codeownersFile}` : ''}`,
		`  period ${next.period.start} to ${next.period.end}, snapshot ${snapshot}, from ${last}`,
		`  next: replace the TODO(commentary) line with what moved and why, then npm run check && npm run build`,
	].join('\n');
}

main().then(
	(message) => console.log(message),
	(error: unknown) => {
		if (error instanceof Refusal || (error instanceof Error && /snapshot reference/.test(error.message))) console.error(`new-review: ${error.message}`);
		else console.error(error);
		process.exit(error instanceof Refusal && error.message.includes('usage:') ? 2 : 1);
	},
);
