import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { dataset, type Dataset } from '../../schemas/dataset.ts';

/** Where dataset declarations live, relative to the project root. */
export const datasetsDir = 'src/content/datasets';

/** Reads and validates the dataset declaration `id` from `src/content/datasets/<id>.yaml`. */
export async function loadDataset(root: string, id: string): Promise<Dataset> {
	const file = path.join(root, datasetsDir, `${id}.yaml`);
	const text = await readFile(file, 'utf8').catch(() => {
		throw new Error(`unknown dataset "${id}": no ${path.relative(root, file)}`);
	});
	const result = dataset.safeParse(parse(text));
	if (!result.success) {
		throw new Error(`${path.relative(root, file)}: invalid dataset declaration (run npm run check)`);
	}
	return result.data;
}

/** The ids of every declared dataset. */
export async function datasetIds(root: string): Promise<string[]> {
	const files = await readdir(path.join(root, datasetsDir));
	return files.filter((file) => file.endsWith('.yaml')).map((file) => file.slice(0, -5)).sort();
}
