/**
 * The build's query cache (`query/cached.ts`): a question asked again of the same snapshot file is
 * answered from memory, and never with another file's rows.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cachedQuery, cachedQueryCount } from '../../src/lib/query/cached.ts';
import { execute, query, quoteLiteral, registerSnapshot } from '../../src/lib/query/server.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-query-cache-'));
async function parquet(name: string, values: number[]): Promise<string> {
	const file = path.join(dir, `${name}.parquet`);
	await execute(`COPY (SELECT unnest([${values.join(', ')}]) AS n) TO ${quoteLiteral(file)} (FORMAT parquet)`);
	return file;
}
const sum = 'SELECT sum(n)::INTEGER AS total, count(*)::INTEGER AS rows FROM "cache_test@2026-11-15" WHERE n > $1';

test('the same question of the same snapshot is asked of DuckDB once, and its rows are frozen', async () => {
	await registerSnapshot('cache_test@2026-11-15', await parquet('a', [1, 2, 3]));
	const before = cachedQueryCount();
	const first = await cachedQuery('cache_test@2026-11-15', sum, [1]);
	expect(first).toEqual([{ total: 5, rows: 2 }]);
	expect(await cachedQuery('cache_test@2026-11-15', sum, [1])).toBe(first);
	expect(cachedQueryCount()).toBe(before + 1);
	expect(() => ((first[0] as { total: number }).total = 0)).toThrow(TypeError);
	// Other parameters are another question.
	expect(await cachedQuery('cache_test@2026-11-15', sum, [2])).toEqual([{ total: 3, rows: 1 }]);
	expect(cachedQueryCount()).toBe(before + 2);
});

test('a relation registered again on another file is asked afresh', async () => {
	await registerSnapshot('cache_test@2026-11-15', await parquet('b', [1, 2, 3]));
	expect(await cachedQuery('cache_test@2026-11-15', sum, [0])).toEqual([{ total: 6, rows: 3 }]);
	await registerSnapshot('cache_test@2026-11-15', await parquet('c', [10, 20]));
	expect(await cachedQuery('cache_test@2026-11-15', sum, [0])).toEqual([{ total: 30, rows: 2 }]);
});

test('a relation that is not a registered snapshot is never cached', async () => {
	await execute('CREATE OR REPLACE TABLE cache_staging AS SELECT 1 AS n');
	const count = 'SELECT count(*)::INTEGER AS rows FROM cache_staging';
	const before = cachedQueryCount();
	expect(await cachedQuery('cache_staging', count)).toEqual([{ rows: 1 }]);
	await execute('INSERT INTO cache_staging VALUES (2)');
	expect(await cachedQuery('cache_staging', count)).toEqual(await query(count));
	expect(await cachedQuery('cache_staging', count)).toEqual([{ rows: 2 }]);
	expect(cachedQueryCount()).toBe(before);
});
