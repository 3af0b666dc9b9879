import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { parquetToArrowIPC, ParquetDecodeError, parquetToArrow } from '../../src/lib/query/parquet-arrow.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { query } from '../../src/lib/query/server.ts';
import { normalizeRows } from '../../src/lib/query/rows.ts';
import { writeDemoExport } from '../../scripts/demo/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

test('decodes a snapshot to Arrow with the same rows and types DuckDB native reads', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-arrow-'));
	const input = path.join(dir, 'bot.csv');
	await writeDemoExport('bot_service_daily', input);
	const dataset = await loadDataset(root, 'bot_service_daily');
	const entry = await buildSnapshot({ dataset, input, outDir: dir });
	const file = path.join(dir, 'bot_service_daily', entry.file);

	const bytes = await readFile(file);
	const table = tableFromIPC(await parquetToArrowIPC(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
	expect(table.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
		'date:Date32<DAY>',
		// Text dimensions travel as dictionaries: one string per distinct value.
		'market:Dictionary<Int32, Utf8>',
		'intent:Dictionary<Int32, Utf8>',
		...dataset.columns.slice(3).map((column) => `${column.name}:Int64`),
	]);
	const decoded = normalizeRows(table.toArray().map((row) => row.toJSON())).map((row) => ({
		...row,
		date: new Date(row.date as number).toISOString().slice(0, 10),
	}));
	const native = await query(`SELECT * REPLACE (strftime(date, '%Y-%m-%d') AS date) FROM read_parquet('${file}')`);
	expect(decoded.length).toBe(entry.rows);
	expect(decoded).toEqual(native);
});

test('names the problem when the bytes are not Parquet', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-arrow-'));
	await writeFile(path.join(dir, 'x'), 'not parquet at all');
	const bytes = await readFile(path.join(dir, 'x'));
	await expect(parquetToArrow(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).rejects.toThrow(ParquetDecodeError);
	await expect(parquetToArrow(new ArrayBuffer(0))).rejects.toThrow(/^not a readable Parquet file \(/);
});

test('decodes only the columns asked for, and names a column the snapshot lacks', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-arrow-'));
	const input = path.join(dir, 'bot.csv');
	await writeDemoExport('bot_service_daily', input);
	const entry = await buildSnapshot({ dataset: await loadDataset(root, 'bot_service_daily'), input, outDir: dir });
	const bytes = await readFile(path.join(dir, 'bot_service_daily', entry.file));
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	const table = await parquetToArrow(buffer, ['date', 'market', 'sessions']);
	expect(table.schema.fields.map((field) => field.name)).toEqual(['date', 'market', 'sessions']);
	expect(table.numRows).toBe(entry.rows);
	await expect(parquetToArrow(buffer, ['date', 'nope'])).rejects.toThrow('the snapshot has no column "nope"');
});
