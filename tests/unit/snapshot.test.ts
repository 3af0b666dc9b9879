import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/schemas/dataset.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { query } from '../../src/lib/query/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const header = 'date,market,intent,sessions,answered,audited,audited_correct,resolved,escalated_to_agent,users,returning_users,csat_responses,csat_positive';
const good = [
	'2026-11-14,SG,appeal_status,120,116,6,5,80,14,101,25,15,12',
	'2026-11-15,SG,appeal_status,130,125,7,7,88,15,110,27,,',
	'2026-11-15,TH,gift_refund,95,90,5,4,60,19,80,18,11,9',
];

let dataset: Dataset;
let dir: string;
beforeAll(async () => {
	dataset = await loadDataset(root, 'bot_service_daily');
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-snapshot-'));
});

async function csv(name: string, lines: string[]): Promise<string> {
	const file = path.join(dir, name);
	await writeFile(file, `${lines.join('\n')}\n`);
	return file;
}

describe('buildSnapshot', () => {
	test('writes Parquet with a manifest entry whose checksum and counts match the file', async () => {
		const out = path.join(dir, 'out');
		const entry = await buildSnapshot({ dataset, input: await csv('good.csv', [header, ...good]), outDir: out });
		expect(entry).toMatchObject({ as_of: '2026-11-15', file: '2026-11-15.parquet', rows: 3 });
		const bytes = await readFile(path.join(out, 'bot_service_daily', entry.file));
		expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(entry.bytes).toBe(bytes.byteLength);
		expect((await readManifest(path.join(out, 'bot_service_daily')))?.latest).toBe('2026-11-15');

		const rows = await query(
			`SELECT typeof(date) AS t, count(*) AS n, count(csat_positive) AS csat FROM read_parquet('${path.join(out, 'bot_service_daily', entry.file)}') GROUP BY ALL`,
		);
		expect(rows).toEqual([{ t: 'DATE', n: 3, csat: 2 }]);
	});

	const cases: [string, string[], string][] = [
		['missing column', [header.replace(',csat_positive', ''), ...good.map((l) => l.replace(/,[^,]*$/, ''))], 'column "csat_positive": is missing (expected BIGINT)'],
		['extra column', [`${header},notes`, ...good.map((l) => `${l},x`)], 'column "notes": is not declared in dataset "bot_service_daily"'],
		['forbidden identifier', [`${header},user_id`, ...good.map((l) => `${l},42`)], 'column "user_id": is a forbidden identifier column; drop it before publishing'],
		['text in a measure', [header, good[0]!.replace(',120,', ',many,')], 'column "sessions": expected BIGINT, found "many"'],
		['day number for a date', [header, good[0]!.replace('2026-11-14', '20771')], 'column "date": expected DATE, found "20771"'],
		['negative count', [header, good[0]!.replace(',14,101,', ',-14,101,')], 'column "escalated_to_agent": has a negative count (-14)'],
		['null in a required measure', [header, good[0]!.replace(',120,', ',,')], 'column "sessions": has 1 empty values but is not declared nullable'],
		['no rows', [header], 'has no rows'],
	];
	test.each(cases)('rejects a %s with one line naming file and column', async (name, lines, problem) => {
		const input = await csv(`${name.replaceAll(' ', '-')}.csv`, lines);
		await expect(buildSnapshot({ dataset, input, outDir: path.join(dir, 'rejected') })).rejects.toThrow(`${input}: ${problem}`);
	});

	test('rejects a file that is not Parquet', async () => {
		const input = path.join(dir, 'fake.parquet');
		await writeFile(input, 'this is not parquet');
		await expect(buildSnapshot({ dataset, input, outDir: path.join(dir, 'rejected') })).rejects.toThrow(
			new RegExp(`^${input.replaceAll('.', '\\.')}: cannot be read \\(`),
		);
	});
});
