/**
 * Every demo dataset publishes cleanly through the real pipeline, and its rates fall in the ranges
 * docs/architecture.md gives ("Metrics"), with the stories the metric reviews tell.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoExports, writeDemoExport } from '../../scripts/demo/index.ts';
import { datasetIds, loadDataset } from '../../src/lib/content/datasets.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { query, registerSnapshot } from '../../src/lib/query/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const published: Record<string, number> = {};
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-demo-'));
	for (const id of Object.keys(demoExports)) {
		const input = path.join(dir, `${id}.csv`);
		await writeDemoExport(id, input);
		const entry = await buildSnapshot({ dataset: await loadDataset(root, id), input, outDir: dir });
		await registerSnapshot(`demo_${id}`, path.join(dir, id, entry.file));
		published[id] = entry.rows;
	}
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const rate = async (sql: string) => Number((await query(sql))[0]!.value);

test('there is a demo generator for every declared dataset, and each publishes', async () => {
	expect(Object.keys(demoExports).sort()).toEqual(await datasetIds(root));
	for (const id of Object.keys(demoExports)) expect(published[id]).toBeGreaterThan(500);
});

describe('labeling_qa_weekly', () => {
	test('QA agreement, gold accuracy, overturn rate and kappa are in range', async () => {
		const t = 'demo_labeling_qa_weekly';
		expect(await rate(`SELECT sum(qa_agree) / sum(qa_sampled) AS value FROM ${t}`)).toSatisfy((v: number) => v > 0.88 && v < 0.97);
		expect(await rate(`SELECT sum(gold_correct) / sum(gold_items) AS value FROM ${t}`)).toSatisfy((v: number) => v > 0.85 && v < 0.98);
		expect(await rate(`SELECT sum(appeals_overturned) / sum(appeals) AS value FROM ${t}`)).toSatisfy((v: number) => v > 0.05 && v < 0.25);
		// Kappa: 0.6–0.8 "substantial" overall; small QA samples make single weeks noisy.
		expect(await rate(`SELECT sum(kappa * qa_sampled) / sum(qa_sampled) AS value FROM ${t}`)).toSatisfy((v: number) => v > 0.6 && v < 0.9);
		expect(await rate(`SELECT quantile_cont(kappa, 0.05) AS value FROM ${t}`)).toBeGreaterThan(0.45);
		expect(await rate(`SELECT max(kappa) AS value FROM ${t}`)).toBeLessThanOrEqual(1);
	});

	test('kappa moves with agreement', async () => {
		expect(await rate(`SELECT corr(kappa, qa_agree / qa_sampled) AS value FROM demo_labeling_qa_weekly WHERE queue = 'live-gifting'`)).toBeGreaterThan(0.8);
	});

	test("Keystone's agreement on live-gifting drops in the weeks after the spec's major version (2026-06-15)", async () => {
		const weekly = async (from: string, to: string) =>
			rate(`SELECT sum(qa_agree) / sum(qa_sampled) AS value FROM demo_labeling_qa_weekly WHERE vendor = 'keystone-labeling' AND queue = 'live-gifting' AND week BETWEEN '${from}' AND '${to}'`);
		const before = await weekly('2026-05-18', '2026-06-08');
		const after = await weekly('2026-06-15', '2026-07-06');
		expect(before - after).toBeGreaterThan(0.02);
	});
});

test('bot, issue discovery, monetization and teen-safety rates are in range', async () => {
	expect(await rate(`SELECT sum(escalated_to_agent) / sum(sessions) AS value FROM demo_bot_service_daily`)).toSatisfy((v: number) => v > 0.08 && v < 0.2);
	expect(await rate(`SELECT sum(confirmed) / sum(discovered) AS value FROM demo_issue_discovery_weekly`)).toSatisfy((v: number) => v > 0.3 && v < 0.7);
	expect(await rate(`SELECT sum(appeals_overturned) / sum(appeals_decided) AS value FROM demo_monetization_actions_weekly`)).toSatisfy((v: number) => v > 0.05 && v < 0.25);
	const precision = await rate(`SELECT sum(tp) / sum(tp + fp) AS value FROM demo_teen_safety_eval`);
	const recall = await rate(`SELECT sum(tp) / sum(tp + fn) AS value FROM demo_teen_safety_eval`);
	expect(precision).toSatisfy((v: number) => v > 0.6 && v < 0.95);
	expect(recall).toSatisfy((v: number) => v > 0.6 && v < 0.95);
	// v4.0 finds more than v3.2 on the same weeks.
	const byVersion = async (version: string) => rate(`SELECT sum(tp) / sum(tp + fn) AS value FROM demo_teen_safety_eval WHERE model_version = '${version}' AND eval_date >= '2026-09-21'`);
	expect((await byVersion('v4.0')) - (await byVersion('v3.2'))).toBeGreaterThan(0.05);
});
