/**
 * A built site whose content strings try to become markup — a title, a label name, a glossary
 * term, flow texts and edge conditions such as `score < 3 & "x"` and
 * `<img src=x onerror=alert(1)>` — shows every one of them as text: on the page, in the diff
 * against the archived version, in the archive's banner and in the self-closing `<Term />`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../site-build.ts';

const injection = '<img src=x onerror=alert(1)>';
const condition = 'score < 3 & "x"';
let site: FixtureSite;
const pages = new Map<string, Document>();

beforeAll(async () => {
	site = await buildFixtureSite('escaping');
	for (const file of await readdir(site.dist, { recursive: true })) {
		if (file.endsWith('.html')) pages.set(file.split(path.sep).join('/'), new JSDOM(await readFile(path.join(site.dist, file), 'utf8')).window.document);
	}
}, 120_000);
afterAll(() => site?.remove());

const page = (file: string) => pages.get(file) ?? expect.unreachable(`no ${file} in the build`);
const texts = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());

describe('content strings in a built site', () => {
	test('no page grows an element or an event handler out of content', () => {
		expect(pages.size).toBeGreaterThan(20);
		for (const [file, document] of pages) {
			expect(document.querySelectorAll('img[src="x"], [onerror]').length, file).toBe(0);
			for (const script of document.querySelectorAll('script')) expect(script.textContent, file).not.toContain('alert(1)');
		}
	});

	test('the version history shows changed label names and edge conditions as text', () => {
		expect(texts(page('specs/evil-spec/index.html'), '.ops-diff li')).toEqual([`patch name of label evil_label ${injection} → ${condition}`]);
		expect(texts(page('flows/evil-flow/index.html'), '.ops-diff li')).toEqual([`patch condition of edge check → done ${injection} → ${condition}`]);
		expect(texts(page('specs/evil-spec/index.html'), '.ops-diff code')).toEqual(['evil_label']);
	});

	test('a self-closing <Term /> shows the glossary term as text; with words, the words', () => {
		expect(texts(page('specs/evil-spec/index.html'), 'button.ops-term')).toEqual([injection, 'the term in words']);
		expect(texts(page('specs/evil-spec/index.html'), '.ops-term__popover strong')).toEqual([injection, injection]);
	});

	test('the banner of an archived version shows the page title as text', () => {
		const banner = page('specs/evil-spec/v/1.0.0/index.html').querySelector('.sl-banner')!;
		expect(banner.textContent).toContain(`of “Spec ${injection} ${condition}”, archived on 2026-02-01`);
		expect(banner.querySelector('a')!.getAttribute('href')).toBe('/specs/evil-spec/');
	});

	test('labels, edge cases and the flow diagram show their strings as text', () => {
		const spec = page('specs/evil-spec/index.html');
		expect(spec.querySelector('h1')!.textContent).toBe(`Spec ${injection} ${condition}`);
		expect(spec.body.textContent).toContain(condition);
		expect(spec.body.textContent).toContain(injection);
		const flow = page('flows/evil-flow/index.html');
		expect(texts(flow, 'svg.ops-flow-svg text')).toEqual(expect.arrayContaining([condition]));
		expect(flow.body.textContent).toContain(injection);
	});
});
