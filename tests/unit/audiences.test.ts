/**
 * One source, a site per audience. A fixture handbook plants canary strings in internal pages (a
 * procedure, a guide, a labeling spec and its quiz), an internal glossary term, an internal edge
 * case of a vendor's spec and internal prose of a vendor's review, and its snapshot holds every
 * vendor's rows. The site of each audience is built; no file of a vendor's site — HTML,
 * JavaScript, JSON, the search index, or the decoded rows of its Parquet files — holds any canary
 * or another vendor's rows, while the internal site holds them all (so the canaries are real).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { buildFixtureSite, type FixtureSite } from '../site-build.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/sites/audiences');
const canaries = [
	'CANARY-TITLE-1732',
	'CANARY-STEP-5772',
	'CANARY-BODY-9981',
	'CANARY-GUIDE-1414',
	'CANARY-SPEC-TITLE-2236',
	'CANARY-LABEL-4669',
	'CANARY-QUIZ-4669',
	'CANARY-TERM-2718',
	'CANARY-TERM-DEFINITION-3141',
	'CANARY-EDGE-6626',
	'CANARY-EDGE-DECISION-1618',
	'CANARY-PROSE-5150',
];
// The vendors of the snapshot's rows; `in-house` is left out of the search, being an ordinary word too.
const vendors = ['atlas-bpo', 'keystone-labeling', 'meridian-data'];
const sites = new Map<string, FixtureSite>();

beforeAll(async () => {
	// One after another: two Astro builds at once would share the machine's two cores anyway. One
	// vendor is enough: the other's site differs only in its id, and each build costs the suite.
	for (const audience of ['internal', 'atlas-bpo']) sites.set(audience, await buildFixtureSite('audiences', { OPSBOOK_AUDIENCE: audience }));
}, 600_000);
afterAll(() => Promise.all([...sites.values()].map((site) => site.remove())));

/** Every text the site at `dist` serves, each file decoded as a browser or a reader would see it. */
async function contents(dist: string): Promise<Map<string, string>> {
	const texts = new Map<string, string>();
	for (const file of await readdir(dist, { recursive: true, withFileTypes: true })) {
		if (!file.isFile()) continue;
		const full = path.join(file.parentPath, file.name);
		const name = path.relative(dist, full);
		const bytes = await readFile(full);
		if (name.endsWith('.parquet')) {
			const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), compressors });
			texts.set(`${name} (rows)`, JSON.stringify(rows, (_, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)));
		} else if (name.endsWith('.gz') || /\.pf_(fragment|index|meta)$|\.pagefind$/.test(name)) {
			// Pagefind's index files are gzip inside.
			texts.set(name, gunzipSync(bytes).toString('utf8'));
		} else if (!name.endsWith('.br') && !name.endsWith('.wasm') && !name.endsWith('.png')) {
			texts.set(name, bytes.toString('utf8'));
		}
		texts.set(`${name} (bytes)`, bytes.toString('latin1'));
	}
	return texts;
}

const found = (texts: Map<string, string>, needle: string) => [...texts].filter(([, text]) => text.includes(needle)).map(([name]) => name);

describe('a site per audience', () => {
	test('the internal site holds every canary and every vendor’s rows', async () => {
		const texts = await contents(sites.get('internal')!.dist);
		for (const canary of canaries) expect(found(texts, canary), canary).not.toEqual([]);
		const rows = [...texts].filter(([name]) => name.endsWith('(rows)')).map(([, text]) => text).join('');
		for (const vendor of vendors) expect(rows, vendor).toContain(`"vendor":"${vendor}"`);
	});

	test('a vendor’s site holds no canary and no other vendor’s rows', async () => {
		const texts = await contents(sites.get('atlas-bpo')!.dist);
		expect(texts.size).toBeGreaterThan(50);
		for (const needle of [...canaries, ...vendors.filter((vendor) => vendor !== 'atlas-bpo')]) expect(found(texts, needle), needle).toEqual([]);
		const rows = [...texts].filter(([name]) => name.endsWith('(rows)')).flatMap(([, text]) => JSON.parse(text) as { vendor: string }[]);
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((row) => row.vendor))).toEqual(new Set(['atlas-bpo']));
	});

	test('a vendor’s site has only its pages, and marks links to the others "(internal)"', async () => {
		const dist = sites.get('atlas-bpo')!.dist;
		const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('index.html') && !file.startsWith('zh-cn')).sort();
		expect(pages).toEqual([
			// The data explorer, over the one dataset whose rows the vendor was given.
			'data/index.html',
			'data/labeling_qa_weekly/index.html',
			'glossary/index.html',
			'in-force/index.html',
			'index.html',
			'metrics/index.html',
			'ownership/index.html',
			'quiz/shared-spec/index.html',
			'reviews/qa/index.html',
			'specs/shared/index.html',
			'teams/index.html',
		]);
		const home = await readFile(path.join(dist, 'index.html'), 'utf8');
		expect(home).toContain('<span class="ops-internal">secret procedure <span class="ops-internal__mark">(internal)</span></span>');
		expect(home).toContain('<a href="/specs/shared/">shared spec</a>');
		const spec = await readFile(path.join(dist, 'specs/shared/index.html'), 'utf8');
		expect(spec).toContain('an internal term <span class="ops-internal__mark">(internal)</span>');
		expect(spec).toContain('A case every reader sees.');
		const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).not.toContain('/sops/');
	});

	test('npm run check --audience lists the links the vendor’s site marks "(internal)"', async () => {
		const result = await checkHandbook(fixture, { base: false, audience: 'atlas-bpo', today: '2026-12-01' });
		expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.file}:${d.line}:${d.column} ${d.field} ${d.message}`)).toEqual([
			'src/content/docs/index.mdx:6:80  links to /sops/secret/, which audience "atlas-bpo" may not read: its site shows the link as plain text marked (internal)',
			'src/content/docs/index.mdx:7:15  links to /guides/adding-a-page/, which audience "atlas-bpo" may not read: its site shows the link as plain text marked (internal)',
			'src/content/docs/specs/shared.mdx:37:18  links to /sops/secret/, which audience "atlas-bpo" may not read: its site shows the link as plain text marked (internal)',
		]);
		await expect(checkHandbook(fixture, { base: false, audience: 'nobody' })).resolves.toMatchObject({
			diagnostics: expect.arrayContaining([
				expect.objectContaining({ message: 'OPSBOOK_AUDIENCE is "nobody", which src/content/audiences.yaml does not declare; declared: internal, atlas-bpo, keystone-labeling' }),
			]),
		});
	});

	/** Runs `body` on a copy of the fixture, removed afterwards. */
	async function onCopy(body: (copy: string) => Promise<void>): Promise<void> {
		const copy = await mkdtemp(path.join(tmpdir(), 'opsbook-audiences-'));
		try {
			for (const folder of ['src', 'data']) await cp(path.join(fixture, folder), path.join(copy, folder), { recursive: true });
			await body(copy);
		} finally {
			await rm(copy, { recursive: true, force: true });
		}
	}

	test('a vendor without a row filter for a dataset it would read is an error, unless the dataset allows it', async () => {
		await onCopy(async (copy) => {
			const file = path.join(copy, 'src/content/audiences.yaml');
			await writeFile(file, (await readFile(file, 'utf8')).replace('  rows:\n    labeling_qa_weekly: { vendor: atlas-bpo }\n', ''));
			const errors = async () => (await checkHandbook(copy, { base: false, today: '2026-12-01' })).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}  ${d.field}  ${d.message}`);
			const why = (what: string) =>
				`${what} for audience "atlas-bpo", but that vendor has no row filter for dataset "labeling_qa_weekly", which does not allow vendors its numbers over every vendor; ` +
				'add rows: { labeling_qa_weekly: { … } } to "atlas-bpo" in src/content/audiences.yaml, or vendor_aggregates: true to src/content/datasets/labeling_qa_weekly.yaml';
			expect(await errors()).toEqual([
				`src/content/docs/reviews/qa.mdx:12:11  snapshot  ${why('the review is')}`,
				`src/content/metrics.yaml:3:13  [0].audience  ${why('the metric is')}`,
			]);
			const dataset = path.join(copy, 'src/content/datasets/labeling_qa_weekly.yaml');
			await writeFile(dataset, `${await readFile(dataset, 'utf8')}vendor_aggregates: true\n`);
			expect(await errors()).toEqual([]);
		});
	});

	test('an audiences file that fails its schema is reported alone: the audiences pages name are not "unknown"', async () => {
		await onCopy(async (copy) => {
			const file = path.join(copy, 'src/content/audiences.yaml');
			await writeFile(file, (await readFile(file, 'utf8')).replaceAll('kind: vendor', 'kind: vendr'));
			const errors = (await checkHandbook(copy, { base: false, today: '2026-12-01' })).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}  ${d.field}  ${d.message}`);
			expect(errors.length).toBeGreaterThan(0);
			expect(errors.filter((error) => !error.startsWith('src/content/audiences.yaml:'))).toEqual([]);
			expect(errors).toContainEqual(expect.stringMatching(/^src\/content\/audiences\.yaml:\d+:\d+  \[1\]\.kind  expected "internal" \| "vendor", found "vendr"$/));
		});
	});

	test('a row filter value that could not name the snapshot\'s relation is refused at its line', async () => {
		await onCopy(async (copy) => {
			const file = path.join(copy, 'src/content/audiences.yaml');
			await writeFile(file, (await readFile(file, 'utf8')).replace('{ vendor: atlas-bpo }', '{ vendor: "Atlas BPO" }'));
			const errors = (await checkHandbook(copy, { base: false, today: '2026-12-01' })).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}  ${d.field}  ${d.message}`);
			expect(errors).toContainEqual(
				'src/content/audiences.yaml:8:35  [1].rows.labeling_qa_weekly.vendor  expected a value such as "atlas-bpo" (letters, digits, "_", "." and "-"), found "Atlas BPO"',
			);
		});
	});
});
