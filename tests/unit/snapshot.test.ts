/**
 * The snapshot pipeline, behaviour by behaviour: what it accepts (CSV, Parquet from three writers
 * and every codec, globs, Hive folders, TIMESTAMP dates at midnight, null measures), what it
 * rejects (each with its exact one-line message), small-cell suppression, and how it writes
 * (checksums, byte-identical reruns, atomic replacement).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/schemas/dataset.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { query, quoteLiteral } from '../../src/lib/query/server.ts';
import { header, sampleRows, writeArrowRs, writeCsv, writeDuckdbParquet, writeHyparquet } from './snapshot-inputs.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dataset: Dataset;
let dir: string;
let csv: string;
const rows = sampleRows();
beforeAll(async () => {
	dataset = await loadDataset(root, 'bot_service_daily');
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-snapshot-'));
	csv = await writeCsv(path.join(dir, 'sample.csv'), rows);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let runs = 0;
const out = () => path.join(dir, `out-${runs++}`);
/** Every row of a published snapshot, in file order, dates as text. */
const published = async (folder: string, asOf = '2026-11-15') =>
	query(`SELECT * REPLACE (strftime("date", '%Y-%m-%d') AS "date") FROM read_parquet(${quoteLiteral(path.join(folder, 'bot_service_daily', `${asOf}.parquet`))})`);

describe('accepts', () => {
	let reference: Awaited<ReturnType<typeof published>>;
	beforeAll(async () => {
		const folder = out();
		await buildSnapshot({ dataset, input: csv, outDir: folder });
		reference = await published(folder);
	});

	test('a CSV export, with empty cells as nulls in nullable measures', async () => {
		expect(reference.length).toBeGreaterThan(3000);
		// The sample has days without a survey (empty CSAT cells): the snapshot keeps each as a null, on the same rows.
		const unsurveyed = (list: Record<string, unknown>[]) => list.filter((row) => row.csat_responses === null && row.csat_positive === null).map((row) => `${row.date} ${row.market} ${row.intent}`).sort();
		expect(unsurveyed(rows).length).toBeGreaterThan(0);
		expect(unsurveyed(reference)).toEqual(unsurveyed(rows));
		expect(reference[0]).toMatchObject({ date: '2026-09-17', market: expect.any(String) });
	});

	test.each(['snappy', 'gzip', 'zstd', 'brotli', 'uncompressed'])('Parquet written by DuckDB with %s, in several row groups', async (codec) => {
		const input = await writeDuckdbParquet(csv, path.join(dir, `duckdb-${codec}.parquet`), codec);
		const [{ groups }] = (await query(`SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata(${quoteLiteral(input)})`)) as [{ groups: number }];
		expect(groups).toBeGreaterThan(1);
		const folder = out();
		await buildSnapshot({ dataset, input, outDir: folder });
		expect(await published(folder)).toEqual(reference);
	});

	test('Parquet written by hyparquet-writer, with the date as a TIMESTAMP at midnight', async () => {
		const input = await writeHyparquet(path.join(dir, 'hyparquet.parquet'), rows);
		const folder = out();
		await buildSnapshot({ dataset, input, outDir: folder });
		expect(await published(folder)).toEqual(reference);
	});

	test.each(['SNAPPY', 'ZSTD', 'BROTLI', 'GZIP', 'UNCOMPRESSED'] as const)('Parquet written by arrow-rs with %s', async (codec) => {
		const input = await writeArrowRs(path.join(dir, `arrow-rs-${codec}.parquet`), rows, codec);
		const folder = out();
		await buildSnapshot({ dataset, input, outDir: folder });
		expect(await published(folder)).toEqual(reference);
	});

	test('a glob of files and a folder of Hive-partitioned Parquet (market=SG/…)', async () => {
		const parts = path.join(dir, 'hive');
		const markets = ['MY', 'SG', 'TH', 'US'];
		for (const market of markets) {
			await mkdir(path.join(parts, `market=${market}`), { recursive: true });
			const marketCsv = await writeCsv(path.join(dir, `only-${market}.csv`), rows.filter((row) => row.market === market));
			const file = path.join(parts, `market=${market}`, 'part-0.parquet');
			await writeDuckdbParquet(marketCsv, file, 'zstd');
			// The partition column lives in the path only, as Spark writes it.
			await query(`COPY (SELECT * EXCLUDE (market) FROM read_parquet(${quoteLiteral(file)})) TO ${quoteLiteral(`${file}.tmp`)} (FORMAT parquet)`);
			await copyFile(`${file}.tmp`, file);
			await rm(`${file}.tmp`);
		}
		const fromFolder = out();
		const entry = await buildSnapshot({ dataset, input: parts, outDir: fromFolder });
		expect(entry.sources).toEqual(markets.map(() => 'part-0.parquet'));
		expect(await published(fromFolder)).toEqual(reference);

		const fromGlob = out();
		await buildSnapshot({ dataset, input: path.join(dir, 'only-*.csv'), outDir: fromGlob });
		expect(await published(fromGlob)).toEqual(reference);
	});

	test('extra columns with --allow-extra, leaving them out of the snapshot', async () => {
		const input = path.join(dir, 'extra.csv');
		await writeFile(input, (await readFile(csv, 'utf8')).replace(header, `${header},notes`).replace(/\n(?=.)/g, '\n').split('\n').map((line, i) => (i === 0 || line === '' ? line : `${line},x`)).join('\n'));
		const folder = out();
		await buildSnapshot({ dataset, input, outDir: folder, allowExtra: true });
		expect(await published(folder)).toEqual(reference);
	});
});

describe('rejects, with one line naming the file, the column and the problem', () => {
	const good = () => rows.slice(0, 3).map((row) => Object.values(row).map((v) => v ?? '').join(','));
	const cases: [string, () => string[], string][] = [
		['a missing column', () => [header.replace(',csat_positive', ''), ...good().map((l) => l.replace(/,[^,]*$/, ''))], 'column "csat_positive": is missing (expected BIGINT)'],
		['an undeclared column', () => [`${header},notes`, ...good().map((l) => `${l},x`)], 'column "notes": is not declared in dataset "bot_service_daily" (pass --allow-extra to leave undeclared columns out)'],
		['a declared identifier column', () => [`${header},user_id`, ...good().map((l) => `${l},42`)], 'column "user_id": looks like an identifier of a person; drop it from the export before publishing'],
		['an identifier column by its name', () => [`${header},creator_uid`, ...good().map((l) => `${l},42`)], 'column "creator_uid": looks like an identifier of a person; drop it from the export before publishing'],
		['text in a measure', () => [header, good()[0]!, good()[1]!.replace(/^([^,]*,[^,]*,[^,]*),\d+,/, '$1,many,')], 'column "sessions": expected BIGINT, found "many" on line 3'],
		['a day number for a date', () => [header, good()[0]!.replace(/^[^,]*/, '20771')], 'column "date": expected DATE, found "20771" on line 2'],
		['a negative count', () => [header, good()[0]!.replace(/^((?:[^,]*,){8})\d+,/, '$1-14,')], 'column "escalated_to_agent": has a negative count (-14)'],
		['an empty required measure', () => [header, good()[0]!.replace(/^((?:[^,]*,){3})\d+,/, '$1,')], 'column "sessions": has 1 empty value but is not declared nullable'],
		['a part larger than its whole', () => [header, good()[0]!.replace(/^((?:[^,]*,){6})\d+,/, '$1999,')], 'column "audited_correct": is larger than its whole "audited"'],
		['an e-mail address in a text column', () => [header, good()[0]!.replace(/^([^,]*,[^,]*),[^,]*,/, '$1,mika@example.com,')], 'column "intent": value "mika@example.com" on line 2 holds an e-mail address (mika@example.com); snapshots must not hold contact details, so remove it from the export'],
		['a phone number in a text column', () => [header, good()[0]!.replace(/^([^,]*,[^,]*),[^,]*,/, '$1,+1 415 555 0100,')], 'column "intent": value "+1 415 555 0100" on line 2 holds a phone number (+1 415 555 0100); snapshots must not hold contact details, so remove it from the export'],
		['no rows', () => [header], 'has no rows'],
	];
	test.each(cases)('%s', async (name, lines, problem) => {
		const input = path.join(dir, `${name.replaceAll(' ', '-')}.csv`);
		await writeFile(input, `${lines().join('\n')}\n`);
		const error = await buildSnapshot({ dataset, input, outDir: out() }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).name).toBe('SnapshotError');
		expect((error as Error).message.split('\n')).toHaveLength(1);
		expect((error as Error).message.startsWith(`${input}: ${problem}`)).toBe(true);
	});

	// A Parquet export's numbers are compared as they are, not cast from text as a CSV's are.
	test.each(cases.filter(([name]) => ['a negative count', 'an empty required measure', 'a part larger than its whole', 'no rows'].includes(name)))('%s, in Parquet', async (name, lines, problem) => {
		const text = path.join(dir, `${name.replaceAll(' ', '-')}-source.csv`);
		await writeFile(text, `${lines().join('\n')}\n`);
		const input = await writeDuckdbParquet(text, path.join(dir, `${name.replaceAll(' ', '-')}.parquet`), 'zstd');
		await expect(buildSnapshot({ dataset, input, outDir: out() })).rejects.toThrow(`${input}: ${problem}`);
	});

	// A Parquet export's rows are checked as they are written, suppressed rows included; a row that
	// fails stops the write, and the store is left as it was.
	test('a part larger than its whole in a row that suppression hides, in Parquet', async () => {
		const text = path.join(dir, 'hidden-bad-row.csv');
		const small = good()[1]!.replace(/^((?:[^,]*,){3})\d+,\d+,/, '$15,7,');
		await writeFile(text, `${[header, good()[0]!, small].join('\n')}\n`);
		const input = await writeDuckdbParquet(text, path.join(dir, 'hidden-bad-row.parquet'), 'zstd');
		const folder = out();
		await expect(buildSnapshot({ dataset, input, outDir: folder })).rejects.toThrow(`${input}: column "answered": is larger than its whole "sessions" (7 > 5)`);
		expect(await readdir(path.join(folder, 'bot_service_daily'))).toEqual([]);
	});

	test('a Parquet date stored as a day number', async () => {
		const input = path.join(dir, 'day-number.parquet');
		const base = await writeDuckdbParquet(csv, path.join(dir, 'base.parquet'), 'zstd');
		await query(`COPY (SELECT 20771::INTEGER AS "date", * EXCLUDE ("date") FROM read_parquet(${quoteLiteral(base)})) TO ${quoteLiteral(input)} (FORMAT parquet)`);
		await expect(buildSnapshot({ dataset, input, outDir: out() })).rejects.toThrow(`${input}: column "date": expected DATE, found INTEGER (a day number? write the column as a DATE)`);
	});

	test('a TIMESTAMP date that is not at midnight', async () => {
		const base = await writeDuckdbParquet(csv, path.join(dir, 'ts.parquet'), 'zstd', 'TIMESTAMP');
		const input = path.join(dir, 'noon.parquet');
		await query(`COPY (SELECT "date" + INTERVAL 12 HOUR AS "date", * EXCLUDE ("date") FROM read_parquet(${quoteLiteral(base)})) TO ${quoteLiteral(input)} (FORMAT parquet)`);
		await expect(buildSnapshot({ dataset, input, outDir: out() })).rejects.toThrow(
			new RegExp(`^${input.replaceAll('.', '\\.')}: column "date": expected a DATE; a TIMESTAMP is accepted only at midnight, found 2026-09-17 12:00:00$`),
		);
	});

	test.each([
		['an empty file', async (file: string) => writeFile(file, '')],
		['a file that is not Parquet', async (file: string) => writeFile(file, 'date,market\n2026-11-15,SG\n')],
		['a truncated Parquet file', async (file: string) => {
			await writeDuckdbParquet(csv, file, 'zstd');
			await truncate(file, Math.floor((await stat(file)).size / 2));
		}],
	])('%s', async (name, make) => {
		const input = path.join(dir, `${name.replaceAll(' ', '-')}.parquet`);
		await make(input);
		await expect(buildSnapshot({ dataset, input, outDir: out() })).rejects.toThrow(new RegExp(`^${input.replaceAll('.', '\\.')}: not a Parquet file, or a truncated one \\(`));
	});

	test('an input that does not exist, and a glob that matches nothing', async () => {
		await expect(buildSnapshot({ dataset, input: path.join(dir, 'nope.csv'), outDir: out() })).rejects.toThrow(`${path.join(dir, 'nope.csv')}: no such file or folder`);
		await expect(buildSnapshot({ dataset, input: path.join(dir, 'nope-*.csv'), outDir: out() })).rejects.toThrow(`${path.join(dir, 'nope-*.csv')}: matches no file`);
	});
});

describe('suppresses small cells', () => {
	test('rolls small intents of a market and day into "(other)" with the smallest others that hide them', async () => {
		const folder = out();
		const entry = await buildSnapshot({ dataset, input: csv, outDir: folder });
		const small = rows.filter((row) => (row.sessions as number) < 10);
		expect(small.length).toBeGreaterThan(0);
		expect(entry.suppression).toMatchObject({ rule: 'sessions < 10', method: 'rollup', small_rows: small.length });
		const snapshot = await published(folder);
		expect(snapshot.every((row) => (row.sessions as number) >= 10)).toBe(true);
		// Nothing is lost but what was dropped: sessions published + dropped = sessions exported.
		const total = (list: readonly Record<string, unknown>[]) => list.reduce((sum, row) => sum + Number(row.sessions), 0);
		// In this sample every slice with a small intent has enough others to hide it: none is dropped.
		expect(entry.suppression).toMatchObject({ dropped_rows: 0, complementary_rows: expect.any(Number) });
		expect(entry.suppression!.complementary_rows).toBeGreaterThan(0);
		expect(total(snapshot)).toBe(total(rows));
		expect(snapshot.filter((row) => row.intent === '(other)')).toHaveLength(entry.suppression!.rolled_up_rows);
	});

	test('with small_cells: drop, leaves small rows out and counts them', async () => {
		const folder = out();
		const entry = await buildSnapshot({ dataset: { ...dataset, privacy: { ...dataset.privacy, small_cells: 'drop' } }, input: csv, outDir: folder });
		const small = rows.filter((row) => (row.sessions as number) < 10);
		expect(entry.suppression).toMatchObject({ method: 'drop', small_rows: small.length, complementary_rows: 0, dropped_rows: small.length, rolled_up_rows: 0 });
		expect(entry.rows).toBe(rows.length - small.length);
	});
});

describe('writes', () => {
	test('a manifest whose checksum, size, rows, time range and sources match the file', async () => {
		const folder = out();
		const entry = await buildSnapshot({ dataset, input: csv, outDir: folder });
		const file = path.join(folder, 'bot_service_daily', entry.file);
		const bytes = await readFile(file);
		expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(entry.bytes).toBe(bytes.byteLength);
		expect(entry.rows).toBe((await published(folder)).length);
		expect(entry.time_range).toEqual({ start: '2026-09-17', end: '2026-11-15' });
		expect(entry.sources).toEqual(['sample.csv']);
		expect(entry.tool).toEqual({ opsbook: expect.any(String), duckdb: expect.stringMatching(/^v\d/) });
		const manifest = await readManifest(path.join(folder, 'bot_service_daily'));
		expect(manifest).toEqual({ dataset: 'bot_service_daily', latest: '2026-11-15', snapshots: [entry] });
		const [{ codec }] = (await query(`SELECT DISTINCT compression AS codec FROM parquet_metadata(${quoteLiteral(file)})`)) as [{ codec: string }];
		expect(codec).toBe('ZSTD');
	});

	test('the same bytes when run again on the same input', async () => {
		const folder = out();
		await buildSnapshot({ dataset, input: csv, outDir: folder });
		const first = await readFile(path.join(folder, 'bot_service_daily', '2026-11-15.parquet'));
		const firstManifest = await readFile(path.join(folder, 'bot_service_daily', 'manifest.json'));
		await buildSnapshot({ dataset, input: csv, outDir: folder });
		expect(await readFile(path.join(folder, 'bot_service_daily', '2026-11-15.parquet'))).toEqual(first);
		expect(await readFile(path.join(folder, 'bot_service_daily', 'manifest.json'))).toEqual(firstManifest);
	});

	test('several snapshots of a dataset side by side, the manifest listing each', async () => {
		const folder = out();
		await buildSnapshot({ dataset, input: csv, outDir: folder, asOf: '2026-11-08' });
		await buildSnapshot({ dataset, input: csv, outDir: folder });
		const manifest = await readManifest(path.join(folder, 'bot_service_daily'));
		expect(manifest?.snapshots.map((s) => s.as_of)).toEqual(['2026-11-08', '2026-11-15']);
		expect(manifest?.latest).toBe('2026-11-15');
	});
});
