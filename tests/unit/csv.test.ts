/**
 * The CSV a reader downloads from a chart: quoted where a spreadsheet or DuckDB would otherwise
 * split or join cells, and read back by an independent parser (DuckDB's) to the same values.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/lib/charts/csv.ts';
import { query, quoteLiteral } from '../../src/lib/query/server.ts';

const awkward = [
	{ period: '2026-11-09', series: 'a, "b"', value: 0.5 },
	{ period: '2026-11-16', series: 'line\nbreak', value: null },
	{ period: '2026-11-23', series: 'carriage\rreturn', value: 12 },
	{ period: '2026-11-30', series: 'windows\r\nline', value: -1.25 },
	{ period: '2026-12-07', series: '"quoted"', value: 0 },
	{ period: '2026-12-14', series: 'plain', value: undefined },
];

describe('toCsv', () => {
	test('quotes commas, quotes, line feeds and carriage returns, doubling quotes; empty values are empty cells', () => {
		expect(toCsv(awkward)).toBe(
			[
				'period,series,value',
				'2026-11-09,"a, ""b""",0.5',
				'2026-11-16,"line\nbreak",',
				'2026-11-23,"carriage\rreturn",12',
				'2026-11-30,"windows\r\nline",-1.25',
				'2026-12-07,"""quoted""",0',
				'2026-12-14,plain,',
				'',
			].join('\n'),
		);
	});

	test('DuckDB reads the file back to the same rows', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-csv-'));
		try {
			const file = path.join(dir, 'view.csv');
			await writeFile(file, toCsv(awkward));
			const rows = await query(
				`SELECT * FROM read_csv(${quoteLiteral(file)}, header = true, quote = '"', escape = '"', columns = {'period': 'VARCHAR', 'series': 'VARCHAR', 'value': 'DOUBLE'})`,
			);
			expect(rows).toEqual(awkward.map((row) => ({ ...row, value: row.value ?? null })));
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	test('keeps the first row\'s column order, and an empty view is an empty file', () => {
		expect(toCsv([{ b: 1, a: 2 }, { a: 3, b: 4 }])).toBe('b,a\n1,2\n4,3\n');
		expect(toCsv([])).toBe('\n');
	});
});
