/**
 * The pieces of the two-language handbook that run without Astro: locale paths, UI string
 * templates, the structure a translation keeps, the quiz a translation asks, glossary lookups and
 * the dictionaries themselves.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { labelingSpec } from '../../src/schemas/labeling-spec.ts';
import { glossaryTerm } from '../../src/schemas/glossary.ts';
import { termIn } from '../../src/lib/i18n/glossary.ts';
import { localizePath, localeOfLang, servedAddresses, splitLocale } from '../../src/lib/i18n/locales.ts';
import { fill, fillNodes, linkParts } from '../../src/lib/i18n/template.ts';
import { structuralDifferences } from '../../src/lib/i18n/structure.ts';
import { passes, passMark, quizOf } from '../../src/lib/quiz.ts';
import { tocSections } from '../../src/lib/toc.ts';

const root = path.resolve(import.meta.dirname, '../..');
const common = { title: 'Gifts', id: 'gifts', owner: 'ops', status: 'active', version: '2.0.0', effective: '2026-01-01', review_by: '2027-01-01' };
const example = (text: string, verdict = 'positive') => ({ text, verdict, rationale: `${text}: why` });
const spec = (names: [string, string], texts: string[]) =>
	labelingSpec.parse({
		kind: 'labeling-spec',
		...common,
		queue: 'gifts',
		targets: { qa_agreement: 0.9 },
		labels: [
			{ id: 'fraud', name: names[0], definition: 'd', severity: 'high', examples: [example(texts[0]!), example(texts[1]!), example(texts[2]!, 'negative')] },
			{ id: 'fine', name: names[1], definition: 'd', severity: 'low', examples: [example(texts[3]!), example(texts[4]!, 'negative')] },
		],
	});
const english = spec(['Fraud', 'Fine'], ['stolen card', 'chargeback', 'big fan', 'small gifts', 'farm']);
const chinese = spec(['欺诈', '正常'], ['盗卡', '拒付', '铁粉', '小礼物', '养号']);

describe('locales', () => {
	test('a path in the docs collection splits into its locale and its source path', () => {
		expect(splitLocale('zh-cn/specs/live-gifting-fraud.mdx')).toEqual({ locale: 'zh-cn', sourcePath: 'specs/live-gifting-fraud.mdx' });
		expect(splitLocale('specs/live-gifting-fraud.mdx')).toEqual({ locale: undefined, sourcePath: 'specs/live-gifting-fraud.mdx' });
		// A folder that merely starts like a locale is not one.
		expect(splitLocale('zh-cnx/page.mdx').locale).toBeUndefined();
	});

	test('site paths move into a locale, and language tags map back to locales', () => {
		expect(localizePath('/glossary/', 'zh-cn')).toBe('/zh-cn/glossary/');
		expect(localizePath('/glossary/', undefined)).toBe('/glossary/');
		expect(localeOfLang('zh-CN')).toBe('zh-cn');
		expect(localeOfLang('en')).toBeUndefined();
	});
});

describe('UI string templates', () => {
	test('values fill {{name}}; unknown names stay as written', () => {
		expect(fill('You scored {{right}} of {{total}}.', { right: 3, total: 4 })).toBe('You scored 3 of 4.');
		expect(fill('{{missing}} stays', {})).toBe('{{missing}} stays');
	});

	test('<link>…</link> splits where each language puts it', () => {
		expect(linkParts('Check your reading: <link>take the quiz</link>.')).toEqual(['Check your reading: ', 'take the quiz', '.']);
		expect(linkParts('译自<link>英文原文</link>的 2.2.0 版。')).toEqual(['译自', '英文原文', '的 2.2.0 版。']);
		expect(linkParts('no link')).toEqual(['no link', '', '']);
	});

	test('nodes take the place of their value, lists of nodes too', () => {
		const a = { link: 'a' } as unknown as Node;
		const b = { link: 'b' } as unknown as Node;
		expect(fillNodes('Read again: {{labels}}.', { labels: [a, '、', b] as Node[] })).toEqual(['Read again: ', a, '、', b, '.']);
		expect(fillNodes('{{n}} left', { n: 2 })).toEqual(['2', ' left']);
		expect(fillNodes('{{n}} of {{total}}', { n: 2 })).toEqual(['2', ' of ', '{{total}}']);
	});

	test('the Chinese dictionary has every English key, with the same values and links', async () => {
		const en = JSON.parse(await readFile(path.join(root, 'src/content/i18n/en.json'), 'utf8')) as Record<string, string>;
		const zh = JSON.parse(await readFile(path.join(root, 'src/content/i18n/zh-CN.json'), 'utf8')) as Record<string, string>;
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
		const shape = (text: string) => [...text.matchAll(/\{\{\w+\}\}|<link>/g)].map((match) => match[0]).sort();
		for (const key of Object.keys(en)) expect([key, shape(zh[key]!)]).toEqual([key, shape(en[key]!)]);
	});
});

describe('translations', () => {
	test('a faithful translation has the structure of its source; a changed id, severity or verdict is a difference', () => {
		expect(structuralDifferences(english, chinese)).toEqual([]);
		const drifted = structuredClone(chinese);
		drifted.labels[1]!.id = 'ok';
		drifted.labels[0]!.severity = 'medium';
		drifted.labels[0]!.examples[2]!.verdict = 'borderline';
		drifted.labels[0]!.examples.pop();
		expect(structuralDifferences(english, drifted)).toEqual([
			{ path: ['labels', 0, 'severity'], source: 'high', translation: 'medium' },
			{ path: ['labels', 0, 'examples'], source: 3, translation: 2 },
			{ path: ['labels', 1, 'id'], source: 'fine', translation: 'ok' },
		]);
	});

	test('the quiz of a translation asks the same questions in the same order as its source', () => {
		const en = quizOf(english);
		const zh = quizOf(chinese);
		expect(zh.map((question) => question.key)).toEqual(en.map((question) => question.key));
		expect(zh.map((question) => question.answer)).toEqual(en.map((question) => question.answer));
		expect(en.filter((question) => question.kind === 'label').map((question) => question.text).sort()).toEqual(['chargeback', 'small gifts', 'stolen card']);
		const first = en.find((question) => question.kind === 'label')!;
		expect(zh.find((question) => question.key === first.key)!.text).toBe({ 'fraud#0': '盗卡', 'fraud#1': '拒付', 'fine#0': '小礼物' }[first.key]);
	});

	test('the pass mark is the queue QA agreement target, else 80 %', () => {
		expect(passMark(english)).toBe(0.9);
		expect(passMark({ targets: undefined })).toBe(0.8);
		expect(passes(9, 10, 0.9)).toBe(true);
		expect(passes(8, 10, 0.9)).toBe(false);
		expect(passes(3, 3, 0.93)).toBe(true);
		expect(passes(0, 0, 0.8)).toBe(false);
	});

	test('a glossary term reads in the language asked, else in English', () => {
		const term = glossaryTerm.parse({ id: 'gold-set', term: 'Gold set', definition: 'Known answers.', translations: { 'zh-CN': { term: '金标集', definition: '已知答案的内容。' } } });
		expect(termIn(term, 'zh-CN')).toEqual({ term: '金标集', definition: '已知答案的内容。', aliases: [], translated: true });
		expect(termIn(term, 'en')).toMatchObject({ term: 'Gold set', translated: true });
		expect(termIn({ ...term, translations: {} }, 'zh-CN')).toMatchObject({ term: 'Gold set', translated: false });
	});

	test('"On this page" names the component sections in the page language', () => {
		const zh: Record<string, string> = { 'opsbook.spec.decisionTree': '判定树', 'opsbook.spec.labels': '标签', 'opsbook.history.title': '版本历史' };
		// A draft has no version history; a document in force always has one, changelog or not.
		expect(tocSections('<LabelingSpec />', { ...english, status: 'draft' as const }).map((section) => section.text)).toEqual(['Labels']);
		expect(tocSections('<LabelingSpec />', english).map((section) => section.text)).toEqual(['Labels', 'Version history']);
		expect(tocSections('<LabelingSpec />', { ...english, changelog: [{ version: '2.0.0', date: '2026-01-01', summary: 's' }] }, (key) => zh[key] ?? key).map((section) => section.text)).toEqual([
			'标签',
			'版本历史',
		]);
	});
});

test('flow diagrams wrap Chinese text between characters, counting each as two', async () => {
	const { wrap } = await import('../../src/lib/flow/layout.ts');
	expect(wrap('结束直播并锁定账号；在安全存储中保全证据', 20)).toEqual(['结束直播并锁定账号；', '在安全存储中保全证据']);
	expect(wrap('Hand off to 法务 legal', 12)).toEqual(['Hand off to', '法务 legal']);
});

test('a site serves each page at its address, and an English page under zh-cn only where it has no translation', () => {
	const served = servedAddresses([
		{ address: '/specs/x/', locale: undefined, value: 'X' },
		{ address: '/specs/y/', locale: undefined, value: 'Y' },
		{ address: '/zh-cn/specs/x/', locale: 'zh-cn', value: 'X（中文）' },
	]);
	expect([...served]).toEqual([
		['/specs/x/', 'X'],
		['/specs/y/', 'Y'],
		['/zh-cn/specs/x/', 'X（中文）'],
		['/zh-cn/specs/y/', 'Y'],
	]);
});
