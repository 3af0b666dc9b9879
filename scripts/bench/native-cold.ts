/**
 * The cold baseline of the browser's cold redraw, in a process of its own: DuckDB native starts,
 * loads a snapshot into an in-memory table named like the browser's, and runs the chart's query.
 * Prints the milliseconds from before the engine starts to the rows.
 *
 *   node scripts/bench/native-cold.ts SNAPSHOT.parquet RELATION SQL PARAMS_JSON
 */
import { execute, query, quoteIdentifier, quoteLiteral } from '../../src/lib/query/server.ts';
import type { QueryParam } from '../../src/lib/query/rows.ts';

const [file, relation, sql, params] = process.argv.slice(2);
const start = performance.now();
await execute(`CREATE TABLE ${quoteIdentifier(relation!)} AS SELECT * FROM read_parquet(${quoteLiteral(file!)})`);
await query(sql!, JSON.parse(params!) as QueryParam[]);
console.log(performance.now() - start);
