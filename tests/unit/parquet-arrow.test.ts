import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { concatChunks, parquetToArrowIPC, ParquetDecodeError, parquetToArrow } from '../../src/lib/query/parquet-arrow.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { execute, query, quoteLiteral } from '../../src/lib/query/server.ts';
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

test('a file of many row groups decodes to typed columns with the same values DuckDB native reads', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-arrow-'));
	const file = path.join(dir, 'groups.parquet');
	// 5,000 rows in several row groups: one column of each type a snapshot may hold, and a count
	// that is empty only in the first row group, so its chunks arrive typed and untyped.
	await execute(`COPY (
		SELECT DATE '2026-01-01' + (i % 365)::INTEGER AS day, ['SG', 'US', 'BR'][i % 3 + 1] AS market,
			i::INTEGER AS small, (i * 1000003)::BIGINT AS big, i / 7 AS ratio, (i / 4)::FLOAT AS single,
			CASE WHEN i < 10 THEN NULL ELSE i END::BIGINT AS sometimes
		FROM range(5000) t(i)
	) TO ${quoteLiteral(file)} (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
	const [{ groups }] = (await query(`SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata(${quoteLiteral(file)})`)) as [{ groups: number }];
	expect(groups).toBeGreaterThan(1);

	const bytes = await readFile(file);
	const table = await parquetToArrow(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
	expect(table.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
		'day:Date32<DAY>',
		'market:Dictionary<Int32, Utf8>',
		'small:Int32',
		'big:Int64',
		'ratio:Float64',
		'single:Float32',
		'sometimes:Int64',
	]);
	// Columns without nulls keep one typed buffer over all row groups.
	const buffers = ['small', 'big', 'ratio', 'single'].map((name) => table.getChild(name)!.data.map((data) => data.values.constructor.name));
	expect(buffers).toEqual([['Int32Array'], ['BigInt64Array'], ['Float64Array'], ['Float32Array']]);
	expect(table.getChild('sometimes')!.nullCount).toBe(10);

	const decoded = normalizeRows(table.toArray().map((row) => row.toJSON())).map((row) => ({ ...row, day: new Date(row.day as number).toISOString().slice(0, 10) }));
	const native = await query(`SELECT * REPLACE (strftime(day, '%Y-%m-%d') AS day) FROM read_parquet(${quoteLiteral(file)})`);
	expect(decoded).toHaveLength(5000);
	expect(decoded).toEqual(native);
});

test('concatChunks joins typed chunks into one typed array, and anything else into a plain array', () => {
	const ints = concatChunks([Int32Array.of(1, 2), Int32Array.of(3), Int32Array.of()]);
	expect(ints).toBeInstanceOf(Int32Array);
	expect([...(ints as Int32Array)]).toEqual([1, 2, 3]);
	const counts = concatChunks([BigInt64Array.of(1n), BigInt64Array.of(2n, 3n)]);
	expect(counts).toBeInstanceOf(BigInt64Array);
	expect([...(counts as BigInt64Array)]).toEqual([1n, 2n, 3n]);
	expect(concatChunks([Float64Array.of(0.5), Float64Array.of(1.5)])).toEqual(Float64Array.of(0.5, 1.5));
	// A chunk with nulls arrives as a plain array; mixing kinds must not truncate or convert.
	expect(concatChunks([BigInt64Array.of(1n), [null, 2n]])).toEqual([1n, null, 2n]);
	expect(concatChunks([Int32Array.of(1), Float64Array.of(0.5)])).toEqual([1, 0.5]);
	expect(concatChunks([['SG', 'US'], ['BR']])).toEqual(['SG', 'US', 'BR']);
	const only = Int32Array.of(7);
	expect(concatChunks([only])).toBe(only);
});
