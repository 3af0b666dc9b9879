/**
 * What a new snapshot restates of the one before it: the days whose rows differ, and how many rows
 * differ, counted as `EXCEPT ALL` both ways would count them. The comparison runs a few weeks at a
 * time, so these histories span several ranges and change rows on either side of their edges.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dataset as datasetSchema } from '../../src/schemas/dataset.ts';
import { execute, query, quoteLiteral } from '../../src/lib/query/server.ts';
import type { SnapshotEntry } from '../../src/lib/snapshot/manifest.ts';
import { findRestatement } from '../../src/lib/snapshot/restatement.ts';

let work: string;
beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'opsbook-restatement-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const dataset = datasetSchema.parse({
	id: 'tickets',
	grain: 'one day × market',
	owner: 'ops',
	columns: [
		{ name: 'day', type: 'DATE', role: 'time' },
		{ name: 'market', type: 'VARCHAR', role: 'dimension' },
		{ name: 'sessions', type: 'BIGINT', role: 'measure' },
	],
});

/** Writes rows (day, market, sessions) as a Parquet file sorted as snapshots are. */
async function parquet(name: string, rows: string): Promise<string> {
	const file = path.join(work, `${name}.parquet`);
	await execute(`COPY (SELECT * FROM (${rows}) ORDER BY ALL) TO ${quoteLiteral(file)} (FORMAT parquet)`);
	return file;
}

/** 100 days from 1 August, two markets a day. */
const history = `SELECT DATE '2026-08-01' + i::INTEGER AS day, m AS market, (i * 7 + length(m)) % 50 + 10 AS sessions FROM range(100) r(i), (VALUES ('SG'), ('TH')) v(m)`;
const entry = { as_of: '2026-11-08', time_range: { start: '2026-08-01', end: '2026-11-08' } } as SnapshotEntry;

test('counts the rows that differ on each day, as EXCEPT ALL both ways does, across the edges of the ranges it compares', async () => {
	const before = await parquet('before', history);
	// Changed: the first day, the last day of the first four weeks and the first of the next, a day
	// in the middle, the last day; a row added twice on one day and one removed on another; a row
	// before the earlier snapshot began; and days after its end, which are new, not restated.
	const now = await parquet(
		'now',
		`SELECT day, market, CASE WHEN day IN (DATE '2026-08-01', DATE '2026-08-28', DATE '2026-08-29', DATE '2026-09-30', DATE '2026-11-08') AND market = 'SG' THEN sessions + 1 ELSE sessions END AS sessions
		 FROM (${history}) WHERE NOT (day = DATE '2026-10-02' AND market = 'TH')
		 UNION ALL SELECT DATE '2026-09-26', 'VN', 12 FROM range(2)
		 UNION ALL SELECT DATE '2026-07-31', 'SG', 20
		 UNION ALL SELECT DATE '2026-11-09' + i::INTEGER, 'SG', 30 FROM range(5) r(i)`,
	);
	const restated = await findRestatement(dataset, `read_parquet(${quoteLiteral(now)})`, entry, before);
	const reference = await query(
		`SELECT strftime(day, '%Y-%m-%d') AS day, count(*) AS rows FROM ((SELECT * FROM read_parquet(${quoteLiteral(now)}) WHERE day <= DATE '2026-11-08' EXCEPT ALL SELECT * FROM read_parquet(${quoteLiteral(before)}))
		 UNION ALL (SELECT * FROM read_parquet(${quoteLiteral(before)}) EXCEPT ALL SELECT * FROM read_parquet(${quoteLiteral(now)}) WHERE day <= DATE '2026-11-08')) GROUP BY ALL ORDER BY day`,
	);
	expect(restated).toEqual({
		since: '2026-11-08',
		days: ['2026-07-31', '2026-08-01', '2026-08-28', '2026-08-29', '2026-09-26', '2026-09-30', '2026-10-02', '2026-11-08'],
		rows: 1 + 2 + 2 + 2 + 2 + 2 + 1 + 2,
	});
	expect(restated!.days).toEqual(reference.map((row) => row.day));
	expect(restated!.rows).toBe(reference.reduce((sum, row) => sum + Number(row.rows), 0));
});

test('nothing moved: no restatement, even when the new snapshot adds days after the earlier one', async () => {
	const before = await parquet('same-before', history);
	const now = await parquet('same-now', `${history} UNION ALL SELECT DATE '2026-11-09', 'SG', 30`);
	expect(await findRestatement(dataset, `read_parquet(${quoteLiteral(now)})`, entry, before)).toBeUndefined();
});
