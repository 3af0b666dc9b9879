/**
 * The demo's raw exports and its history: twelve weekly snapshots of every dataset, each cut from
 * one seeded series at its own `as_of`, as a warehouse export run every week would give them. One
 * of them arrived with late data: the bot's export of 8 November lacked some hand-offs of its last
 * three days, which the next week's export restates.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { botServiceColumns, botServiceDaily } from './bot-service.ts';
import { issueDiscoveryColumns, issueDiscoveryWeekly } from './issue-discovery.ts';
import { labelingQaColumns, labelingQaWeekly } from './labeling-qa.ts';
import { monetizationActionsWeekly, monetizationColumns } from './monetization.ts';
import { teenSafetyColumns, teenSafetyEval } from './teen-safety.ts';

type Row = Record<string, unknown>;

interface DemoExport {
	columns: readonly string[];
	rows: () => Iterable<Row>;
	/** The time column, and the as_of of the newest snapshot. */
	time: string;
	latest: string;
}

/** The seeded generators of the demo raw exports, by dataset id. */
export const demoExports: Record<string, DemoExport> = {
	bot_service_daily: { columns: botServiceColumns, rows: () => botServiceDaily(), time: 'date', latest: '2026-11-15' },
	labeling_qa_weekly: { columns: labelingQaColumns, rows: () => labelingQaWeekly(), time: 'week', latest: '2026-11-09' },
	issue_discovery_weekly: { columns: issueDiscoveryColumns, rows: () => issueDiscoveryWeekly(), time: 'week', latest: '2026-11-09' },
	monetization_actions_weekly: { columns: monetizationColumns, rows: () => monetizationActionsWeekly(), time: 'week', latest: '2026-11-09' },
	teen_safety_eval: { columns: teenSafetyColumns, rows: () => teenSafetyEval(), time: 'eval_date', latest: '2026-11-09' },
};

/** Snapshots of each demo dataset, one a week. */
export const demoWeeks = 12;

const dayMs = 86_400_000;

/** The as_of of every demo snapshot of `id`, oldest first. */
export function demoAsOfs(id: string): string[] {
	const latest = Date.parse(`${demoExports[id]!.latest}T00:00:00Z`);
	return Array.from({ length: demoWeeks }, (_, i) => new Date(latest - (demoWeeks - 1 - i) * 7 * dayMs).toISOString().slice(0, 10));
}

/**
 * The late data of the demo: in the bot export of 8 November, 8 % of the hand-offs of its last
 * three days had not reached the warehouse yet; the export of 15 November has them.
 */
function asExported(id: string, asOf: string, row: Row): Row {
	if (id !== 'bot_service_daily' || asOf !== '2026-11-08' || String(row.date) < '2026-11-06') return row;
	return { ...row, escalated_to_agent: Math.round(Number(row.escalated_to_agent) * 0.92) };
}

/**
 * Writes the export of `id` as of each demo week into `folder` (`<as_of>.csv`), as the warehouse
 * would: a CSV with a header, empty cells for nulls, only the days up to that week.
 */
export async function writeDemoExports(id: string, folder: string): Promise<{ asOf: string; file: string; rows: number }[]> {
	const generator = demoExports[id];
	if (!generator) throw new Error(`no demo generator for dataset "${id}"`);
	const all = [...generator.rows()];
	const written = [];
	for (const asOf of demoAsOfs(id)) {
		const rows = all.filter((row) => String(row[generator.time]) <= asOf).map((row) => asExported(id, asOf, row));
		const file = path.join(folder, `${asOf}.csv`);
		await writeCsv(file, generator.columns, rows);
		written.push({ asOf, file, rows: rows.length });
	}
	return written;
}

async function writeCsv(file: string, columns: readonly string[], rows: Row[]): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	const out = createWriteStream(temporary);
	out.write(`${columns.join(',')}\n`);
	for (const row of rows) {
		if (!out.write(`${columns.map((column) => row[column] ?? '').join(',')}\n`)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	await rename(temporary, file);
}

/** Writes the whole demo export of `id` (its newest week's) to `file`; returns its row count. */
export async function writeDemoExport(id: string, file: string): Promise<number> {
	const generator = demoExports[id];
	if (!generator) throw new Error(`no demo generator for dataset "${id}"`);
	const rows = [...generator.rows()];
	await writeCsv(file, generator.columns, rows);
	return rows.length;
}
