/**
 * Dataset declarations (`src/content/datasets/<id>.yaml`) for the tools that publish and read
 * snapshots: read through the one content loader, so a declaration means to the snapshot tool what
 * it means to the validator.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { dataset, type Dataset } from '../../schemas/dataset.ts';
import { problemLine, readContent } from './load.ts';
import { paths } from './paths.ts';

/** Where dataset declarations live, relative to the project root. */
export const datasetsDir = paths.datasets;

/** A dataset that is not declared, or whose declaration is invalid: one line, no stack trace. */
export class DatasetError extends Error {
	override name = 'DatasetError';
}

/**
 * Reads and validates the dataset declaration `id` from `src/content/datasets/<id>.yaml`. Its `id`
 * must be its file name: snapshots are published under the id, and pages name it.
 */
export async function loadDataset(root: string, id: string): Promise<Dataset> {
	const file = `${datasetsDir}/${id}.yaml`;
	if (!existsSync(path.join(root, file))) {
		const known = await datasetIds(root).catch(() => []);
		throw new DatasetError(`unknown dataset "${id}": no ${file}${known.length > 0 ? ` (declared: ${known.join(', ')})` : ''}`);
	}
	const { parsed, problems } = await readContent(root, file, dataset, { frontmatter: false });
	if (!parsed) {
		const more = problems.length > 1 ? ` (and ${problems.length - 1} more; npm run check lists them all)` : '';
		throw new DatasetError(`invalid dataset declaration: ${problemLine(file, problems[0]!)}${more}`);
	}
	const mismatch = datasetIdMismatch(file, parsed.data.id);
	if (mismatch) {
		const place = parsed.source.locate(['id']);
		throw new DatasetError(`${file}:${place.line}:${place.column}: ${mismatch}`);
	}
	return parsed.data;
}

/** The problem with a declaration whose `id` is not its file's name, if it has one. */
export function datasetIdMismatch(file: string, id: string): string | undefined {
	const expected = path.basename(file).replace(/\.ya?ml$/, '');
	return id === expected ? undefined : `the dataset's id is "${id}", but its file is named ${path.basename(file)}; a dataset's id is its file name: rename one to match`;
}

/** The ids of every declared dataset. */
export async function datasetIds(root: string): Promise<string[]> {
	const files = await readdir(path.join(root, datasetsDir));
	return files.filter((file) => file.endsWith('.yaml')).map((file) => file.slice(0, -5)).sort();
}
