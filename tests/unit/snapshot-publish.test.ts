/**
 * Publishing pinned snapshots into the site: every ref is its own relation whatever order pages
 * render in, a row filter publishes its own bytes under its own URL and relation, and bytes kept in
 * a remote store (`snapshots.remote`) are fetched, checked and cached — tried against a local HTTP
 * server standing in for the bucket.
 */
import { createServer, type Server } from 'node:http';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/content/datasets.ts';
import { buildMetricQuery } from '../../src/lib/query/metric-sql.ts';
import { query } from '../../src/lib/query/server.ts';
import { buildSnapshot } from '../../src/lib/snapshot/build.ts';
import { readManifest } from '../../src/lib/snapshot/manifest.ts';
import { storeOf } from '../../src/lib/snapshot/paths.ts';
import { publishSnapshot, servedFile } from '../../src/lib/snapshot/publish.ts';
import { sampleRows, writeCsv } from './snapshot-inputs.ts';

const repo = path.resolve(import.meta.dirname, '../..');
let dir: string;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A project root with two snapshots of the bot dataset whose rows differ: 8 and 15 November. */
async function project(name: string): Promise<string> {
	const root = path.join(dir, name);
	const dataset = await loadDataset(repo, 'bot_service_daily');
	const rows = sampleRows(21);
	const early = await writeCsv(path.join(dir, `${name}-early.csv`), rows.filter((row) => String(row.date) <= '2026-11-08'));
	const late = await writeCsv(path.join(dir, `${name}-late.csv`), rows);
	await buildSnapshot({ dataset, input: early, outDir: storeOf(root) });
	await buildSnapshot({ dataset, input: late, outDir: storeOf(root) });
	return root;
}

const weeks = async (relation: string) => {
	const built = buildMetricQuery({ relation, numerator: 'escalated_to_agent', denominator: 'sessions', time: 'date', grain: 'week' });
	return (await query(built.sql, built.params)).map((row) => row.period);
};

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-publish-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('every pinned ref is its own relation', () => {
	test.each([
		['the earlier ref first', ['bot_service_daily@2026-11-08', 'bot_service_daily@2026-11-15']],
		['the later ref first', ['bot_service_daily@2026-11-15', 'bot_service_daily@2026-11-08']],
	])('%s: each page reads the snapshot it pins', async (name, refs) => {
		const root = await project(name.replaceAll(' ', '-'));
		const published = [];
		for (const ref of refs) published.push(await publishSnapshot({ root, base: '/', ref }));
		const byRef = Object.fromEntries(published.map((p) => [p.ref, p]));
		const early = byRef['bot_service_daily@2026-11-08']!;
		const late = byRef['bot_service_daily@2026-11-15']!;
		expect(early.relation).toBe('bot_service_daily@2026-11-08');
		expect(late.relation).toBe('bot_service_daily@2026-11-15');
		expect(await weeks(early.relation)).toEqual(['2026-10-26', '2026-11-02']);
		expect(await weeks(late.relation)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
		// Publishing the later snapshot again changes nothing the earlier relation shows.
		await publishSnapshot({ root, base: '/', ref: 'bot_service_daily@2026-11-15' });
		expect(await weeks(early.relation)).toEqual(['2026-10-26', '2026-11-02']);
	});
});

test('a published snapshot is served at a content-hashed URL under the base, with the bytes of its manifest', async () => {
	const root = await project('urls');
	const manifest = (await readManifest(path.join(storeOf(root), 'bot_service_daily')))!;
	const entry = manifest.snapshots.find((s) => s.as_of === '2026-11-15')!;
	const published = await publishSnapshot({ root, base: '/handbook/', ref: 'bot_service_daily@2026-11-15' });
	expect(published.url).toBe(`/handbook/_snapshots/bot_service_daily/2026-11-15.${entry.sha256.slice(0, 16)}.parquet`);
	expect(published.sha256).toBe(entry.sha256);
	const served = servedFile(published.url.slice('/handbook/'.length))!;
	expect(sha(await readFile(served))).toBe(entry.sha256);
});

test('a row filter publishes its own bytes, hash, URL and relation, and the build reads the same rows', async () => {
	const root = await project('filtered');
	const ref = 'bot_service_daily@2026-11-15';
	const whole = await publishSnapshot({ root, base: '/', ref });
	const sg = await publishSnapshot({ root, base: '/', ref, filter: { market: 'SG' } });
	const two = await publishSnapshot({ root, base: '/', ref, filter: { market: ['TH', 'SG'] } });
	expect(sg.relation).toBe('bot_service_daily@2026-11-15[market=SG]');
	expect(two.relation).toBe('bot_service_daily@2026-11-15[market=SG,TH]');
	expect(new Set([whole.sha256, sg.sha256, two.sha256]).size).toBe(3);
	expect(new Set([whole.url, sg.url, two.url]).size).toBe(3);
	const bytes = await readFile(servedFile(sg.url.slice(1))!);
	expect(sha(bytes)).toBe(sg.sha256);
	expect(sg.url).toBe(`/_snapshots/bot_service_daily/2026-11-15.${sg.sha256.slice(0, 16)}.parquet`);
	expect(await query(`SELECT DISTINCT market FROM "${sg.relation}" ORDER BY market`)).toEqual([{ market: 'SG' }]);
	expect(await query(`SELECT DISTINCT market FROM "${two.relation}" ORDER BY market`)).toEqual([{ market: 'SG' }, { market: 'TH' }]);
	const [{ rows }] = (await query(`SELECT count(*) AS rows FROM "${sg.relation}"`)) as [{ rows: number }];
	expect(rows).toBe(sg.rows);
	expect(sg.rows).toBeLessThan(whole.rows);
});

describe('snapshots.remote: bytes in an object store, manifests in git', () => {
	let server: Server;
	let remote: string;
	const objects = new Map<string, Buffer>();
	const requests: string[] = [];

	beforeAll(async () => {
		server = createServer((request, response) => {
			requests.push(request.url!);
			const body = objects.get(request.url!);
			if (!body) return response.writeHead(404, 'Not Found').end();
			response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address() as { port: number };
		remote = `http://127.0.0.1:${address.port}/bucket/`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	/** A clone of a project whose store kept the manifests but not the Parquet files. */
	async function manifestsOnly(name: string) {
		const source = await project(`${name}-source`);
		const root = path.join(dir, name);
		const folder = path.join(storeOf(root), 'bot_service_daily');
		await mkdir(folder, { recursive: true });
		await copyFile(path.join(storeOf(source), 'bot_service_daily', 'manifest.json'), path.join(folder, 'manifest.json'));
		await writeFile(path.join(root, 'opsbook.config.yaml'), `snapshots:\n  remote: ${remote}\n`);
		const entry = (await readManifest(folder))!.snapshots.find((s) => s.as_of === '2026-11-15')!;
		return { root, entry, bytes: await readFile(path.join(storeOf(source), 'bot_service_daily', '2026-11-15.parquet')) };
	}

	test('fetches the bytes by SHA-256, checks them, serves them from the site and caches them', async () => {
		const { root, entry, bytes } = await manifestsOnly('remote-ok');
		objects.set(`/bucket/${entry.sha256}.parquet`, bytes);
		requests.length = 0;
		const published = await publishSnapshot({ root, base: '/', ref: 'bot_service_daily@2026-11-15' });
		expect(requests).toEqual([`/bucket/${entry.sha256}.parquet`]);
		expect(published.url).toBe(`/_snapshots/bot_service_daily/2026-11-15.${entry.sha256.slice(0, 16)}.parquet`);
		expect(sha(await readFile(servedFile(published.url.slice(1))!))).toBe(entry.sha256);
		expect(await weeks(published.relation)).toHaveLength(3);
		expect(await readFile(path.join(root, 'node_modules/.cache/opsbook/snapshots', `${entry.sha256}.parquet`))).toEqual(bytes);
	});

	test('a missing object is an error naming the URL, the status and what to upload', async () => {
		const { root, entry } = await manifestsOnly('remote-404');
		objects.delete(`/bucket/${entry.sha256}.parquet`);
		await expect(publishSnapshot({ root, base: '/', ref: 'bot_service_daily@2026-11-15' })).rejects.toThrow(
			`snapshot bot_service_daily@2026-11-15: ${remote}${entry.sha256}.parquet answered HTTP 404 Not Found; upload data/snapshots/bot_service_daily/2026-11-15.parquet there as ${entry.sha256}.parquet, or check snapshots.remote in opsbook.config.yaml`,
		);
	});

	test('bytes that do not match the manifest are refused, and nothing is cached', async () => {
		const { root, entry, bytes } = await manifestsOnly('remote-wrong');
		const wrong = Buffer.concat([bytes, Buffer.from('x')]);
		objects.set(`/bucket/${entry.sha256}.parquet`, wrong);
		await expect(publishSnapshot({ root, base: '/', ref: 'bot_service_daily@2026-11-15' })).rejects.toThrow(
			`snapshot bot_service_daily@2026-11-15: the bytes at ${remote}${entry.sha256}.parquet do not match the manifest (sha256 ${sha(wrong).slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…); upload data/snapshots/bot_service_daily/2026-11-15.parquet there again`,
		);
		await expect(readFile(path.join(root, 'node_modules/.cache/opsbook/snapshots', `${entry.sha256}.parquet`))).rejects.toThrow('ENOENT');
	});
});
