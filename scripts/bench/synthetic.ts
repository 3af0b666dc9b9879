/**
 * Synthetic bot-service rows in bulk, valid under the dataset's constraints, for benchmarks: one
 * row per day × market × intent (as many intents as the row count needs), every part below its
 * whole, and one row in a thousand below the minimum cell size, so suppression has work to do.
 */
import { execute, quoteLiteral } from '../../src/lib/query/server.ts';

export async function writeSyntheticBotRows(file: string, rows: number): Promise<void> {
	await execute(`COPY (
		SELECT DATE '2026-05-18' + (i % 182)::INTEGER AS "date", ['US','BR','ID','GB','MX','PH','SG','TH','VN','MY'][1 + (i // 182) % 10] AS market,
			'intent_' || (i // 1820) AS intent, s AS sessions, s - s // 20 AS answered, (s - s // 20) // 20 AS audited,
			(s - s // 20) // 20 * 9 // 10 AS audited_correct, s * 6 // 10 AS resolved, s * 15 // 100 AS escalated_to_agent,
			s * 85 // 100 AS users, s * 85 // 100 // 4 AS returning_users,
			CASE WHEN i % 97 = 0 THEN NULL ELSE s // 10 END AS csat_responses, CASE WHEN i % 97 = 0 THEN NULL ELSE s // 10 * 8 // 10 END AS csat_positive
		FROM (SELECT range AS i, CASE WHEN range % 1000 = 7 THEN (range // 1000) % 10 ELSE 100 + range % 900 END AS s FROM range(${rows}))) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION snappy)`);
}
