/**
 * Complementary suppression on hand-made slices, row by row: which rows are hidden, what "(other)"
 * holds, what is dropped, and what the manifest records.
 */
import { describe, expect, test } from 'vitest';
import { dataset as datasetSchema } from '../../src/schemas/dataset.ts';
import { execute, query } from '../../src/lib/query/server.ts';
import { planSuppression } from '../../src/lib/snapshot/suppression.ts';

const declare = (small_cells: 'rollup' | 'drop') =>
	datasetSchema.parse({
		id: 'tickets',
		grain: 'one day × market × intent',
		owner: 'ops',
		columns: [
			{ name: 'day', type: 'DATE', role: 'time' },
			{ name: 'market', type: 'VARCHAR', role: 'dimension' },
			{ name: 'intent', type: 'VARCHAR', role: 'dimension' },
			{ name: 'sessions', type: 'BIGINT', role: 'measure' },
			{ name: 'resolved', type: 'BIGINT', role: 'measure' },
		],
		privacy: { cell_measure: 'sessions', min_cell_size: 10, small_cells, ...(small_cells === 'rollup' ? { rollup_dimension: 'intent' } : {}) },
	});

/** market → intent → sessions, all on one day; resolved is half the sessions, rounded down. */
async function table(name: string, slices: Record<string, Record<string, number>>): Promise<string> {
	const values = Object.entries(slices).flatMap(([market, intents]) =>
		Object.entries(intents).map(([intent, sessions]) => `(DATE '2026-11-02', '${market}', '${intent}', ${sessions}, ${Math.floor(sessions / 2)})`),
	);
	await execute(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${values.join(', ')}) v(day, market, intent, sessions, resolved)`);
	return name;
}

async function publish(name: string, small_cells: 'rollup' | 'drop', slices: Record<string, Record<string, number>>) {
	const plan = await planSuppression(declare(small_cells), await table(name, slices));
	try {
		const rows = await query(`SELECT market, intent, sessions, resolved FROM (${plan.rows(name)}) ORDER BY market, intent`);
		return { rows: rows.map((row) => `${row.market} ${row.intent} ${row.sessions}/${row.resolved}`), record: plan.record };
	} finally {
		await plan.drop();
	}
}

describe('with rollup', () => {
	test('a lone small row takes the slice’s smallest other row into "(other)" with it', async () => {
		const { rows, record } = await publish('one_small', 'rollup', { SG: { a: 3, b: 50, c: 40, d: 100 } });
		// "(other)" = a (3) + c (40): neither can be told from the other, and 43 ≥ 10.
		expect(rows).toEqual(['SG (other) 43/21', 'SG b 50/25', 'SG d 100/50']);
		expect(record).toEqual({
			rule: 'sessions < 10',
			method: 'rollup',
			small_rows: 1,
			complementary_rows: 1,
			rolled_up_rows: 1,
			dropped_rows: 0,
			by_dimension: { market: { SG: 2 }, intent: { a: 1, c: 1 } },
		});
	});

	test('small rows that add up to less than the minimum take others until "(other)" meets it', async () => {
		const { rows, record } = await publish('below_min', 'rollup', { TH: { x: 2, y: 3, z: 20, w: 30 } });
		// 2 + 3 = 5 < 10, so z (20) joins; w stays visible.
		expect(rows).toEqual(['TH (other) 25/12', 'TH w 30/15']);
		expect(record).toMatchObject({ small_rows: 2, complementary_rows: 1, rolled_up_rows: 1, dropped_rows: 0 });
	});

	test('two small rows that meet the minimum together need no other', async () => {
		const { rows, record } = await publish('two_small', 'rollup', { US: { x: 6, y: 7, z: 90 } });
		expect(rows).toEqual(['US (other) 13/6', 'US z 90/45']);
		expect(record).toMatchObject({ small_rows: 2, complementary_rows: 0 });
	});

	test('a slice that cannot hide its small rows is dropped, and no total of what was dropped is recorded', async () => {
		const both = await publish('dropped', 'rollup', { MY: { p: 4 }, VN: { q: 4, r: 5 }, SG: { a: 50, b: 60 } });
		expect(both.rows).toEqual(['SG a 50/25', 'SG b 60/30']);
		expect(both.record).toMatchObject({ small_rows: 3, complementary_rows: 0, rolled_up_rows: 0, dropped_rows: 3 });
		expect(both.record).not.toHaveProperty('dropped_total');

		const lone = await publish('dropped_one', 'rollup', { MY: { p: 4 }, SG: { a: 50, b: 60 } });
		expect(lone.record).toMatchObject({ small_rows: 1, dropped_rows: 1 });
		expect(lone.record).not.toHaveProperty('dropped_total');
	});

	test('nothing small: every row as it was, and a record of none', async () => {
		const { rows, record } = await publish('none_small', 'rollup', { SG: { a: 10, b: 11 } });
		expect(rows).toEqual(['SG a 10/5', 'SG b 11/5']);
		expect(record).toMatchObject({ small_rows: 0, complementary_rows: 0, rolled_up_rows: 0, dropped_rows: 0 });
	});
});

test('with drop, small rows are left out and nothing is rolled up', async () => {
	const { rows, record } = await publish('drop_small', 'drop', { SG: { a: 3, b: 50 }, TH: { c: 9, d: 12 } });
	expect(rows).toEqual(['SG b 50/25', 'TH d 12/6']);
	expect(record).toEqual({
		rule: 'sessions < 10',
		method: 'drop',
		small_rows: 2,
		complementary_rows: 0,
		rolled_up_rows: 0,
		dropped_rows: 2,
		by_dimension: { market: { SG: 1, TH: 1 }, intent: { a: 1, c: 1 } },
	});
});
