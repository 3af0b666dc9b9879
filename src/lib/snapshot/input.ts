/**
 * What `--input` names: a CSV or Parquet file, a glob of them, or a folder of Hive-partitioned
 * Parquet (`market=SG/part-0.parquet`). Resolves it to the files it holds and to the DuckDB reader
 * that reads them all as one table.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { query, quoteLiteral } from '../query/server.ts';
import { SnapshotError } from './errors.ts';

export interface Input {
	/** The files read, in order, relative to the current folder where they are inside it. */
	files: string[];
	format: 'csv' | 'parquet';
	/** A DuckDB table expression reading every file. */
	reader: string;
	/** For Parquet, the same reader with each row's `filename` and `file_row_number`, to point at a row. */
	numbered?: string;
}

const formatOf = (file: string) => (/\.parquet$/i.test(file) ? 'parquet' : /\.(csv|tsv)(\.gz)?$/i.test(file) ? 'csv' : undefined);

export async function resolveInput(input: string): Promise<Input> {
	const info = await stat(input).catch(() => undefined);
	let pattern = input;
	if (info?.isDirectory()) pattern = path.join(input, '**', '*.parquet');
	else if (!info && !/[*?[]/.test(input)) throw new SnapshotError(`${input}: no such file or folder`);
	const files = (await query(`SELECT file FROM glob(${quoteLiteral(pattern)}) ORDER BY file`)).map((row) => String(row.file));
	if (files.length === 0) throw new SnapshotError(`${input}: ${info?.isDirectory() ? 'the folder holds no .parquet files' : 'matches no file'}`);
	const formats = new Set(files.map(formatOf));
	if (formats.has(undefined)) {
		const odd = files.find((file) => !formatOf(file))!;
		throw new SnapshotError(`${odd}: expected a .csv or .parquet file`);
	}
	if (formats.size > 1) throw new SnapshotError(`${input}: mixes CSV and Parquet files; publish them separately`);
	const format = [...formats][0]!;
	const list = `[${files.map(quoteLiteral).join(', ')}]`;
	const parquet = (extra = '') => `read_parquet(${list}, hive_partitioning = true, hive_types_autocast = false, union_by_name = true${extra})`;
	const reader = format === 'parquet' ? parquet() : `read_csv(${list}, header = true, all_varchar = true, union_by_name = true)`;
	// Files inside the current folder are named relative to it, as the user typed them; others in full.
	const shown = (file: string) => {
		const relative = path.relative(process.cwd(), file);
		return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
	};
	const numbered = format === 'parquet' ? parquet(', filename = true, file_row_number = true') : undefined;
	return { files: files.map(shown), format, reader, ...(numbered ? { numbered } : {}) };
}
