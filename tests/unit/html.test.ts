/**
 * Content strings never become markup: the one escaping function, the message splitter that
 * replaced `set:html` in the version history, and every place that builds markup as a string.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { dataTableHtml } from '../../src/lib/charts/table.ts';
import { extractFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { layoutFlow } from '../../src/lib/flow/layout.ts';
import { flowSvg } from '../../src/lib/flow/svg.ts';
import { codeSpans, escapeHtml } from '../../src/lib/html.ts';
import { release } from '../../src/lib/versions/release.ts';

const condition = 'score < 3 & "x"';
const injection = '<img src=x onerror=alert(1)>';
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** What a browser makes of `html`: its text, and whether it grew elements it should not have. */
function parse(html: string) {
	const { document } = new JSDOM(`<body>${html}</body>`).window;
	return { text: document.body.textContent, images: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length, document };
}

describe('escapeHtml', () => {
	test('turns every character with a meaning in HTML into its entity', () => {
		expect(escapeHtml(`${condition} 'y'`)).toBe('score &lt; 3 &amp; &quot;x&quot; &#39;y&#39;');
		expect(escapeHtml(injection)).toBe('&lt;img src=x onerror=alert(1)&gt;');
	});

	test('is safe in an element and in a quoted attribute', () => {
		const { document } = parse(`<p title="${escapeHtml(`" onmouseover="alert(1)`)}">${escapeHtml(injection)}</p>`);
		const p = document.querySelector('p')!;
		expect(p.getAttribute('title')).toBe('" onmouseover="alert(1)');
		expect(p.getAttribute('onmouseover')).toBeNull();
		expect(p.textContent).toBe(injection);
	});
});

describe('codeSpans', () => {
	test('splits backticked names into code runs and keeps everything as text', () => {
		expect(codeSpans('label `gift_fraud` renamed to `gift_abuse`')).toEqual([
			{ text: 'label ', code: false },
			{ text: 'gift_fraud', code: true },
			{ text: ' renamed to ', code: false },
			{ text: 'gift_abuse', code: true },
		]);
		expect(codeSpans(`edge \`${injection}\` when ${condition}`)).toEqual([
			{ text: 'edge ', code: false },
			{ text: injection, code: true },
			{ text: ` when ${condition}`, code: false },
		]);
	});

	test('leaves an unpaired backtick and an empty message alone', () => {
		expect(codeSpans('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
		expect(codeSpans('')).toEqual([]);
	});
});

describe('markup built as a string', () => {
	test('a flow diagram shows step texts, teams and edge conditions as text', () => {
		const svg = flowSvg(
			layoutFlow({
				nodes: [
					{ id: 'start', type: 'start', text: injection },
					{ id: 'check', type: 'decision', text: condition, team: 'ops', sla: '15m' },
					{ id: 'end', type: 'end', text: 'Done' },
				],
				edges: [
					{ from: 'start', to: 'check' },
					{ from: 'check', to: 'end', when: condition },
				],
			} as Parameters<typeof layoutFlow>[0]),
			`Flow ${injection}`,
		);
		const { text, images, document } = parse(svg);
		expect(images).toBe(0);
		expect(text).toContain(injection);
		expect(text).toContain(condition);
		expect(document.querySelector('svg')!.getAttribute('aria-label')).toBe(`Flow ${injection}`);
	});

	test('a chart’s data table shows labels, values and its caption as text', () => {
		const html = dataTableHtml(
			[
				{ period: '2026-11-16', series: injection, numerator: 1, denominator: 2, value: 0.5 },
				{ period: '2026-11-16', series: condition, numerator: 1, denominator: 4, value: 0.25 },
			],
			{ unit: 'ratio', seriesLabel: condition, caption: injection, columns: { period: 'Week', numerator: injection, denominator: condition } },
		);
		const { text, images, document } = parse(html);
		expect(images).toBe(0);
		expect(document.querySelector('caption')!.textContent).toBe(injection);
		expect(text).toContain(condition);
	});

	test('the banner of a released version shows the title as text', async () => {
		const docs = await mkdtemp(path.join(tmpdir(), 'opsbook-release-'));
		temporary.push(docs);
		await mkdir(path.join(docs, 'specs'));
		await writeFile(
			path.join(docs, 'specs/x.mdx'),
			`---\ntitle: '${injection} ${condition}'\nkind: sop\nid: x\nowner: ops\nstatus: active\nversion: 1.0.0\neffective: 2026-01-01\nreview_by: 2027-01-01\nsteps: []\n---\nBody.\n`,
		);
		const { archive } = await release(docs, 'specs/x.mdx', '2026-12-01');
		const { yaml } = extractFrontmatter(await readFile(path.join(docs, archive), 'utf8'));
		const { text, images, document } = parse((parseYaml(yaml) as { banner: { content: string } }).banner.content);
		expect(images).toBe(0);
		expect(text).toContain(`“${injection} ${condition}”`);
		expect(document.querySelector('a')!.getAttribute('href')).toBe('/specs/x/');
	});
});
