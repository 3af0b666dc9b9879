import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { botServiceColumns, botServiceDaily } from './bot-service.ts';
import { issueDiscoveryColumns, issueDiscoveryWeekly } from './issue-discovery.ts';
import { labelingQaColumns, labelingQaWeekly } from './labeling-qa.ts';
import { monetizationActionsWeekly, monetizationColumns } from './monetization.ts';
import { teenSafetyColumns, teenSafetyEval } from './teen-safety.ts';

/** The seeded generators of the demo raw exports, by dataset id. */
export const demoExports: Record<string, { columns: readonly string[]; rows: () => Iterable<Record<string, unknown>> }> = {
	bot_service_daily: { columns: botServiceColumns, rows: () => botServiceDaily() },
	labeling_qa_weekly: { columns: labelingQaColumns, rows: () => labelingQaWeekly() },
	issue_discovery_weekly: { columns: issueDiscoveryColumns, rows: () => issueDiscoveryWeekly() },
	monetization_actions_weekly: { columns: monetizationColumns, rows: () => monetizationActionsWeekly() },
	teen_safety_eval: { columns: teenSafetyColumns, rows: () => teenSafetyEval() },
};

/** Writes a demo export as the warehouse would: a CSV with a header, empty cells for nulls. */
export async function writeDemoExport(id: string, file: string): Promise<number> {
	const generator = demoExports[id];
	if (!generator) throw new Error(`no demo generator for dataset "${id}"`);
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	const out = createWriteStream(temporary);
	out.write(`${generator.columns.join(',')}\n`);
	let count = 0;
	for (const row of generator.rows()) {
		const line = generator.columns.map((column) => row[column] ?? '').join(',');
		if (!out.write(`${line}\n`)) await once(out, 'drain');
		count++;
	}
	out.end();
	await once(out, 'finish');
	await rename(temporary, file);
	return count;
}
