/**
 * Names and strings written into SQL text, once for both engines: DuckDB native (`server.ts`) and
 * DuckDB-WASM (`browser.ts`) quote alike, and so do the SQL builder and the explorer's examples.
 * Values a reader chooses are bound as parameters instead; these are for what SQL cannot bind
 * (table and column names, file paths in DuckDB's table functions).
 */
import { snakeIdPattern } from '../../schemas/patterns.ts';

/** `name` as one SQL identifier, whatever it holds: `"bot_service_daily@2026-11-15"`. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `value` as one SQL string literal: `'it''s'`. */
export const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** A name as a person would write it in a query: bare when it is a snake_case id, quoted otherwise. */
export const readableName = (name: string) => (snakeIdPattern.test(name) ? name : quoteIdentifier(name));
