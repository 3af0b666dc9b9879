/**
 * The attacker's test of small-cell suppression. For each demo dataset a review reads, the demo
 * export is published as `npm run snapshot` publishes it; then, for every figure a reader can get
 * by filtering or breaking down that review's charts — a day × one value of each dimension it
 * filters or breaks down by, alone or together — the attacker subtracts every visible row the
 * figure covers. What is left is a sum of suppressed rows; if it covers exactly one suppressed row
 * of the export, that row's value is recomputed and the test fails. So does any "(other)" row
 * that hides fewer than two rows or less than the minimum. Attacks across two snapshots are in
 * snapshot-differencing.test.ts.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDemoExport } from '../../scripts/demo/index.ts';
import { otherValue, type Dataset } from '../../src/schemas/dataset.ts';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { query, quoteIdentifier as q, quoteLiteral } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import type { SnapshotEntry } from '../../src/lib/snapshot/manifest.ts';

const root = path.resolve(import.meta.dirname, '../..');
const reviews = path.join(root, 'src/content/docs/reviews');

/** Each dataset a review pins, with every set of dimensions a chart or table of the review filters or breaks down by. */
async function attackSurface(): Promise<Map<string, Set<string>>> {
	const surface = new Map<string, Set<string>>();
	for (const file of (await readdir(reviews, { recursive: true })).filter((name) => name.endsWith('.mdx'))) {
		const text = await readFile(path.join(reviews, file), 'utf8');
		const dataset = /^snapshot: ([a-z0-9_]+)@/m.exec(text)?.[1];
		if (!dataset) continue;
		const sets = surface.get(dataset) ?? new Set<string>();
		for (const [, filters, by, byList] of text.matchAll(/filters=\{\[([^\]]*)\]\}|by="([^"]+)"|by=\{\[([^\]]*)\]\}/g)) {
			const names = (filters ?? byList ?? `'${by}'`).match(/[a-z_]+/g) ?? [];
			// A reader may set any of a chart's filters at once: every subset is a figure.
			for (let mask = 1; mask < 1 << names.length; mask++) sets.add(names.filter((_, i) => mask & (1 << i)).sort().join(','));
		}
		surface.set(dataset, sets);
	}
	return surface;
}

let work: string;
let surface: Map<string, Set<string>>;
beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'opsbook-attack-'));
	surface = await attackSurface();
});
afterAll(() => rm(work, { recursive: true, force: true }));

test('the reviews filter and break down the demo datasets by their dimensions', () => {
	expect(surface.get('bot_service_daily')).toContain('market');
	expect(surface.get('bot_service_daily')).toContain('intent');
	expect(surface.get('monetization_actions_weekly')).toContain('market,violation');
});

describe.each(['bot_service_daily', 'monetization_actions_weekly', 'issue_discovery_weekly', 'labeling_qa_weekly', 'teen_safety_eval'])('%s', (id) => {
	let dataset: Dataset;
	let entry: SnapshotEntry;
	let raw: string;
	let published: string;
	beforeAll(async () => {
		dataset = await loadDataset(root, id);
		const input = path.join(work, `${id}.csv`);
		await writeDemoExport(id, input);
		entry = await buildSnapshot({ dataset, input, outDir: work });
		raw = `read_csv(${quoteLiteral(input)}, header = true)`;
		published = `read_parquet(${quoteLiteral(path.join(work, id, entry.file))})`;
	});

	/** SQL for the suppressed rows of the export whose values went into a published "(other)" row, that row's dimension set to "(other)". */
	const hiddenInOther = () => {
		const { rollup_dimension: rollup, small_cells: method } = dataset.privacy;
		const keys = dataset.columns.filter((c) => c.role !== 'measure').map((c) => q(c.name));
		if (method !== 'rollup' || !rollup) return { sql: `SELECT * FROM ${raw} WHERE false`, keys };
		const slice = keys.filter((k) => k !== q(rollup));
		return {
			keys,
			sql: `SELECT * REPLACE (${quoteLiteral(otherValue)} AS ${q(rollup)}) FROM (
				SELECT r.* FROM ${raw} r ANTI JOIN (SELECT * FROM ${published} WHERE ${q(rollup)} <> ${quoteLiteral(otherValue)}) p USING (${keys.join(', ')})
			) s SEMI JOIN (SELECT * FROM ${published} WHERE ${q(rollup)} = ${quoteLiteral(otherValue)}) o USING (${slice.join(', ')})`,
		};
	};

	test('every "(other)" row hides at least two rows of the export and meets the minimum; no dropped total is published', async () => {
		const { cell_measure: measure, min_cell_size: min, rollup_dimension: rollup } = dataset.privacy;
		const m = q(measure!);
		const hidden = hiddenInOther();
		if (rollup && dataset.privacy.small_cells === 'rollup') {
			const slice = hidden.keys.filter((k) => k !== q(rollup));
			const weak = await query(`
				SELECT o.*, h.rows AS hidden_rows FROM (SELECT * FROM ${published} WHERE ${q(rollup)} = ${quoteLiteral(otherValue)}) o
				LEFT JOIN (SELECT ${slice.join(', ')}, count(*) AS rows, sum(${m}) AS total FROM (${hidden.sql}) GROUP BY ALL) h USING (${slice.join(', ')})
				WHERE coalesce(h.rows, 0) < 2 OR o.${m} < ${min} OR o.${m} <> h.total`);
			expect(weak).toEqual([]);
		}
		// What was dropped is counted, never summed: a sum, less the next week's, would give a row away.
		expect(entry.suppression).not.toHaveProperty('dropped_total');
	});

	test('no figure a review can show, less its visible rows, recomputes a suppressed row', async () => {
		const sets = [...(surface.get(id) ?? [])];
		expect(sets.length).toBeGreaterThan(0);
		const time = q(dataset.columns.find((c) => c.role === 'time')!.name);
		const m = q(dataset.privacy.cell_measure!);
		const rollup = dataset.privacy.small_cells === 'rollup' ? dataset.privacy.rollup_dimension : undefined;
		const visible = rollup ? `${q(rollup)} <> ${quoteLiteral(otherValue)}` : 'true';
		const hidden = hiddenInOther();
		for (const set of ['', ...sets]) {
			const by = [time, ...set.split(',').filter(Boolean).map(q)];
			// Per figure: what is shown, what is visible in it, and the suppressed rows its remainder covers.
			const recomputed = await query(`
				WITH shown AS (SELECT ${by.join(', ')}, sum(${m}) AS total, coalesce(sum(${m}) FILTER (WHERE ${visible}), 0) AS visible FROM ${published} GROUP BY ALL),
				covered AS (SELECT ${by.join(', ')}, count(*) AS rows, sum(${m}) AS total FROM (${hidden.sql}) GROUP BY ALL)
				SELECT ${by.join(', ')}, shown.total - shown.visible AS remainder, covered.rows, covered.total AS covered_total
				FROM shown FULL JOIN covered USING (${by.join(', ')})
				WHERE covered.rows = 1 OR coalesce(shown.total - shown.visible, 0) <> coalesce(covered.total, 0)`);
			expect({ by: set || '(no filter)', recomputed }).toEqual({ by: set || '(no filter)', recomputed: [] });
		}
	});
});
