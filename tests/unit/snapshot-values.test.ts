/**
 * What a text column may hold: contact details are refused anywhere inside a value, with the file,
 * column and row in one line; ordinary values (dates, version ids, counts, market codes) pass;
 * a dimension with a declared domain refuses any other value; "(other)" is reserved for roll-ups.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/schemas/dataset.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { query } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { contactDetails } from '../../src/lib/snapshot/values.ts';
import { sampleRows, toCsv, writeCsv, writeDuckdbParquet } from './snapshot-inputs.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dataset: Dataset;
let dir: string;
const rows = sampleRows(10);
beforeAll(async () => {
	dataset = await loadDataset(root, 'bot_service_daily');
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-values-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The sample export with `intent` set to `value` on its `at`-th data row (0-based). */
const withIntent = (value: string, at = 4) => toCsv(rows.map((row, i) => (i === at ? { ...row, intent: value } : row)));
/** The one-line message a refused snapshot gives. */
const refusal = (run: Promise<unknown>) => run.then(() => 'published', (error: Error) => `${error.name}: ${error.message}`);
const found = async (kind: keyof typeof contactDetails, text: string) =>
	String((await query(`SELECT ${contactDetails[kind].find('$1')} AS hit`, [text]))[0]!.hit);

describe('contact details inside a text', () => {
	test.each([
		['call +65 9123 4567 now', '+65 9123 4567'],
		['escalated: +1 (415) 555-0100', '+1 (415) 555-0100'],
		['reach me at 415-555-0100 pls', '415-555-0100'],
		['tel 0412 345 678', '0412 345 678'],
		['WhatsApp 081234567890', '081234567890'],
		['(415) 555 0100 after 6pm', '(415) 555 0100'],
	])('finds the phone number in "%s"', async (text, phone) => {
		expect(await found('phone', text)).toBe(phone);
	});

	test.each([
		['mika@example.com wrote in', 'mika@example.com'],
		['forwarded by a.b+ops@sub.example.co.uk today', 'a.b+ops@sub.example.co.uk'],
	])('finds the e-mail address in "%s"', async (text, address) => {
		expect(await found('email', text)).toBe(address);
	});

	test.each([
		'2026-11-15',
		'2026-11-15 12:30',
		'2026/11/15 08:00:00',
		'15/11/2026',
		'2026-11-02 – 2026-11-08',
		'week 2026-W46',
		'v4.0',
		'v2026.11.15',
		'model-2026-11-15',
		'1,234,567',
		'12 345 678',
		'1234567.89',
		'10000000 rows',
		'20261115',
		'SG',
		'intent_12',
		'queue 7 of 12',
		'ticket #123456',
		'192.168.0.1',
		'support@ ops',
	])('finds nothing in the ordinary value "%s"', async (text) => {
		expect(await found('phone', text)).toBe('');
		expect(await found('email', text)).toBe('');
	});

	test('a snapshot of an export with ordinary values in a text column is published', async () => {
		const input = path.join(dir, 'ordinary.csv');
		const values = ['2026-11-15', 'v4.0', '1,234,567', 'SG', '12 345 678', 'queue 7 of 12'];
		await writeFile(input, toCsv(rows.map((row, i) => (i < values.length ? { ...row, intent: values[i]! } : row))));
		const entry = await buildSnapshot({ dataset, input, outDir: path.join(dir, 'out-ordinary') });
		expect(entry.rows).toBeGreaterThan(0);
	});

	test('a phone number inside a CSV value is refused, naming the file, column, line and number', async () => {
		const input = path.join(dir, 'phone.csv');
		await writeFile(input, withIntent('refund asked, call +65 9123 4567'));
		expect(await refusal(buildSnapshot({ dataset, input, outDir: path.join(dir, 'out') }))).toBe(
			`SnapshotError: ${input}: column "intent": value "refund asked, call +65 9123 4567" on line 6 holds a phone number (+65 9123 4567); snapshots must not hold contact details, so remove it from the export`,
		);
	});

	test('an e-mail address inside a Parquet value is refused, naming the row', async () => {
		const csv = path.join(dir, 'email.csv');
		await writeFile(csv, withIntent('see mika@example.com', 7));
		const input = await writeDuckdbParquet(csv, path.join(dir, 'email.parquet'), 'zstd');
		expect(await refusal(buildSnapshot({ dataset, input, outDir: path.join(dir, 'out') }))).toBe(
			`SnapshotError: ${input}: column "intent": value "see mika@example.com" in row 8 holds an e-mail address (mika@example.com); snapshots must not hold contact details, so remove it from the export`,
		);
	});

	test('in a glob of Parquet files, the row is named with its file', async () => {
		const clean = await writeCsv(path.join(dir, 'parts', 'a.csv'), rows);
		await writeDuckdbParquet(clean, path.join(dir, 'parts', 'a.parquet'), 'zstd');
		await writeFile(path.join(dir, 'parts', 'b.csv'), withIntent('ping +44 20 7946 0958', 2));
		await writeDuckdbParquet(path.join(dir, 'parts', 'b.csv'), path.join(dir, 'parts', 'b.parquet'), 'zstd');
		const input = path.join(dir, 'parts', '*.parquet');
		expect(await refusal(buildSnapshot({ dataset, input, outDir: path.join(dir, 'out') }))).toBe(
			`SnapshotError: ${input}: column "intent": value "ping +44 20 7946 0958" in row 3 of b.parquet holds a phone number (+44 20 7946 0958); snapshots must not hold contact details, so remove it from the export`,
		);
	});
});

describe('a dimension with a declared domain', () => {
	test('the demo bot dataset declares its markets', () => {
		expect(dataset.columns.find((column) => column.name === 'market')?.domain).toEqual(['BR', 'GB', 'ID', 'MX', 'MY', 'PH', 'SG', 'TH', 'US', 'VN']);
	});

	test('refuses a value outside it, naming the column, the value and its line', async () => {
		const input = path.join(dir, 'market.csv');
		await writeFile(input, toCsv(rows.map((row, i) => (i === 2 ? { ...row, market: 'Singapore' } : i === 9 ? { ...row, market: 'sg' } : row))));
		expect(await refusal(buildSnapshot({ dataset, input, outDir: path.join(dir, 'out') }))).toBe(
			`SnapshotError: ${input}: column "market": value "Singapore" on line 4 is not in the column's domain (BR, GB, ID, MX, MY, PH, SG, TH, US, VN), nor is 1 other value; fix the export, or add the value to the domain in the dataset's YAML`,
		);
	});

	test('refuses "(other)" in the rolled-up dimension, which the roll-up reserves', async () => {
		const input = path.join(dir, 'other.csv');
		await writeFile(input, withIntent('(other)', 0));
		expect(await refusal(buildSnapshot({ dataset, input, outDir: path.join(dir, 'out') }))).toBe(
			`SnapshotError: ${input}: column "intent": value "(other)" on line 2 is what small rows are rolled up into; rename it in the export`,
		);
	});
});

