/**
 * The data explorer's pure parts: DuckDB's errors located in the reader's query (messages taken
 * from DuckDB native, which words them as DuckDB-WASM does), and the example queries written from
 * the metric catalog, each run on the demo snapshot under the dataset's name.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { metrics as metricsSchema } from '../../src/schemas/metric.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { defaultQuery, exampleQueries } from '../../src/lib/explorer/examples.ts';
import { offsetOf, sqlError } from '../../src/lib/explorer/sql-error.ts';
import { execute, query, quoteIdentifier, quoteLiteral } from '../../src/lib/query/server.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { checkedFormula } from '../../src/lib/site/metric-formula.ts';
import { AstroError } from 'astro/errors';

const root = path.resolve(import.meta.dirname, '../..');

async function errorOf(sql: string): Promise<string> {
	try {
		await query(sql);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`expected ${sql} to fail`);
}

describe('DuckDB errors point at the line and column of the query', () => {
	test.each([
		['a syntax error', 'select * form range(3)', { line: 1, column: 15 }],
		['an unknown column', 'select nosuch from range(3)', { line: 1, column: 8 }],
		['the second line', 'select 1,\n  2 +, 3', { line: 2, column: 6 }],
		['an unknown table', 'select *\nfrom nope', { line: 2, column: 6 }],
		['a line DuckDB shortens', `select '${'x'.repeat(200)}' as a, nosuchcolumn from range(2)`, { line: 1, column: 217 }],
	])('%s', async (_, sql, where) => {
		const message = await errorOf(sql);
		expect(sqlError(message, sql)).toEqual({ message, ...where });
		const offset = offsetOf(sql, where.line, where.column);
		expect(sql.slice(offset)).toMatch(/^(range|nosuch|,|nope|nosuchcolumn)/);
	});

	test('the line DuckDB-WASM shows twice is shown once', () => {
		const block = '\n\nLINE 2: form bot_service_daily\n        ^';
		expect(sqlError(`Parser Error: syntax error at or near "form"${block}${block}`, 'select 1\nform bot_service_daily')).toEqual({
			message: `Parser Error: syntax error at or near "form"${block}`,
			line: 2,
			column: 1,
		});
	});

	test('an error without a position keeps its message only', () => {
		expect(sqlError('Out of Memory Error: failed to allocate', 'select 1')).toEqual({ message: 'Out of Memory Error: failed to allocate' });
	});
});

describe('example queries', async () => {
	const metrics = metricsSchema.parse(parse(await readFile(path.join(root, 'src/content/metrics.yaml'), 'utf8')));
	const datasets = [...new Set(metrics.map((metric) => metric.dataset))].sort();

	test.each(datasets)('%s: every example runs on its latest snapshot, under the dataset\'s name', async (id) => {
		const dataset = await loadDataset(root, id);
		const manifest = (await readManifest(path.join(root, 'data/snapshots', id)))!;
		await execute(`CREATE OR REPLACE VIEW ${quoteIdentifier(id)} AS SELECT * FROM read_parquet(${quoteLiteral(path.join(root, 'data/snapshots', id, `${manifest.latest}.parquet`))})`);
		const examples = exampleQueries(dataset, metrics);
		expect(examples.filter((example) => example.kind === 'metric')).toHaveLength(metrics.filter((metric) => metric.dataset === id).length);
		for (const { sql } of [...examples, { sql: defaultQuery(id) }]) expect((await query(sql)).length, sql).toBeGreaterThan(0);
	});

	test('a metric by week is the sum of its numerator over the sum of its denominator', async () => {
		const dataset = await loadDataset(root, 'bot_service_daily');
		const example = exampleQueries(dataset, metrics).find((candidate) => candidate.metric === 'Escalation-to-agent rate' && candidate.kind === 'metric')!;
		expect(example.sql).toBe(
			"select date_trunc('week', date) as week_start,\n  sum(escalated_to_agent) / sum(sessions) as escalation_to_agent_rate\nfrom bot_service_daily\ngroup by all\norder by all",
		);
	});

	test('a catalog formula outside the SQL builder\'s grammar never reaches an example, nor a component', async () => {
		const dataset = await loadDataset(root, 'bot_service_daily');
		const metric = metrics.find((candidate) => candidate.dataset === 'bot_service_daily')!;
		const unchecked = { ...metric, numerator: "sum(x) FROM read_csv('/etc/passwd')" };
		expect(() => exampleQueries(dataset, [unchecked])).toThrow(
			`the metric expression "sum(x) FROM read_csv('/etc/passwd')" uses "FROM", a statement word; a metric expression is a formula over one row's columns`,
		);
		const refused = (() => {
			try {
				checkedFormula(unchecked, '<MetricChart metric="x">');
			} catch (error) {
				return error as AstroError;
			}
		})();
		expect(refused).toBeInstanceOf(AstroError);
		expect(refused!.message).toBe(`<MetricChart metric="x">: the numerator of metric ${metric.id}, "sum(x) FROM read_csv('/etc/passwd')", uses "FROM", a statement word; a metric expression is a formula over one row's columns`);
		expect(refused!.hint).toBe('Correct its `numerator` in src/content/metrics.yaml; `npm run check` reports it at its line.');
		expect(checkedFormula(metric, 'x')).toBe(metric);
	});
});
