/**
 * What was in force on a day is what the changelog says — for every document of the demo handbook,
 * on every day a version came into force, on the day before the next one, and on the day before
 * the first — whether or not that version's text was kept. And the rules of the history itself:
 * drafts have none, copied entries above the page's version are not part of it, a version without
 * its entry is in force from `effective`.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadHandbook, Report } from '../../src/lib/checks/handbook.ts';
import { archivesOf, inForceAnswer, inForceOn, versionHistory } from '../../src/lib/versions/history.ts';
import { hasVersionHistory, type DataOf, type DocumentKind } from '../../src/schemas/page.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { handbook } = await loadHandbook(root, new Report());
const documents = handbook.pages.filter((page) => hasVersionHistory(page.data)).map((page) => ({ page, data: page.data as DataOf<DocumentKind> }));
const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);

const history = (data: DataOf<DocumentKind>) =>
	versionHistory(data, [...archivesOf(handbook.pages, data.id)].map(([version, page]) => ({ version, href: `/${page.file}` })), `/${data.id}/`);

describe('in force, from the changelog', () => {
	test('the demo has documents with several versions, archived and lost', () => {
		expect(documents.length).toBeGreaterThanOrEqual(12);
		expect(documents.filter(({ data }) => data.changelog.length > 1).length).toBeGreaterThanOrEqual(6);
		expect(documents.flatMap(({ data }) => data.changelog.filter((entry) => entry.archived === false)).length).toBeGreaterThanOrEqual(3);
	});

	test.each(documents.map(({ data }) => [data.id, data] as const))('%s: every changelog day, the day before the next, and the day before the first', (_, data) => {
		const spans = history(data);
		const entries = [...data.changelog].sort((a, b) => a.date.localeCompare(b.date));
		expect(new Set(entries.map((entry) => entry.date)).size).toBe(entries.length);
		entries.forEach((entry, i) => {
			const next = entries[i + 1];
			for (const day of [entry.date, ...(next ? [dayBefore(next.date)] : ['2099-12-31'])]) {
				const answer = inForceAnswer(spans, day);
				expect(answer.key, `${data.id} on ${day}`).toBe(entry.archived === false ? 'lost' : 'found');
				expect(answer.values, `${data.id} on ${day}`).toMatchObject({ day, version: entry.version, effective: entry.date });
				if (answer.key === 'lost') expect(answer.values.summary).toBe(entry.summary);
				if (answer.key === 'found') {
					const copy = archivesOf(handbook.pages, data.id).get(entry.version);
					expect(answer.href).toBe(entry.version === data.version ? `/${data.id}/` : `/${copy!.file}`);
				}
			}
		});
		expect(inForceAnswer(spans, dayBefore(entries[0]!.date))).toEqual({ key: 'none', values: { day: dayBefore(entries[0]!.date), first: entries[0]!.date } });
	});

	test('LIVE gifting fraud on 2026-07-01: version 2.0.0, whose text is not kept', () => {
		const gifting = documents.find(({ data }) => data.id === 'live-gifting-fraud')!.data;
		expect(inForceAnswer(history(gifting), '2026-07-01')).toEqual({
			key: 'lost',
			values: { day: '2026-07-01', version: '2.0.0', effective: '2026-06-15', summary: 'Split gift solicitation out of gift fraud.' },
		});
	});
});

describe('the rules of a history', () => {
	const doc = (overrides: Partial<DataOf<'sop'>>) =>
		({ kind: 'sop', status: 'active', version: '2.0.0', effective: '2026-06-01', changelog: [], ...overrides }) as DataOf<'sop'>;
	const entry = (version: string, date: string, archived?: false) => ({ version, date, summary: `v${version}`, ...(archived === false && { archived }) });

	test('a draft has no version in force, whatever its changelog says', () => {
		expect(versionHistory(doc({ status: 'draft', version: '0.1.0', changelog: [entry('2.2.0', '2026-11-20'), entry('0.1.0', '2026-12-01')] }), [], '/d/')).toEqual([]);
		expect(inForceOn([], '2027-01-01')).toBeUndefined();
	});

	test('entries above the page\'s own version are not part of its history', () => {
		const spans = versionHistory(doc({ version: '1.0.0', effective: '2026-01-01', changelog: [entry('2.2.0', '2026-11-20'), entry('1.0.0', '2026-01-01')] }), [], '/d/');
		expect(spans.map((span) => span.version)).toEqual(['1.0.0']);
		expect(inForceOn(spans, '2026-12-01')?.version).toBe('1.0.0');
	});

	test('a version without its entry is in force from effective; where each is read; until the next', () => {
		const spans = versionHistory(doc({ changelog: [entry('1.1.0', '2026-03-01'), entry('1.0.0', '2026-01-01', false)] }), [{ version: '1.1.0', href: '/d/v/1.1.0/' }], '/d/');
		expect(spans).toEqual([
			{ version: '2.0.0', from: '2026-06-01', until: undefined, href: '/d/', kept: true, current: true },
			{ version: '1.1.0', from: '2026-03-01', until: '2026-06-01', href: '/d/v/1.1.0/', kept: true, current: false, summary: 'v1.1.0', type: undefined },
			{ version: '1.0.0', from: '2026-01-01', until: '2026-03-01', href: undefined, kept: false, current: false, summary: 'v1.0.0', type: undefined },
		]);
		expect(inForceOn(spans, '2026-05-31')?.version).toBe('1.1.0');
		expect(inForceOn(spans, '2026-06-01')?.version).toBe('2.0.0');
	});

	test('a version is in force from its day until the next one, whatever order the list is in', () => {
		const span = (version: string, from: string) => ({ version, from, href: `/v/${version}/`, kept: true, current: false });
		// Out of order on purpose: the answer must not depend on the order of the list.
		const versions = [span('2.0.0', '2026-10-01'), span('1.0.0', '2026-03-01'), span('1.1.0', '2026-06-15')];
		expect(inForceOn(versions, '2026-06-14')?.version).toBe('1.0.0');
		expect(inForceOn(versions, '2026-06-15')?.version).toBe('1.1.0');
		expect(inForceOn(versions, '2026-09-30')?.version).toBe('1.1.0');
		expect(inForceOn(versions, '2026-10-01')?.version).toBe('2.0.0');
		expect(inForceOn(versions, '2030-01-01')).toEqual(span('2.0.0', '2026-10-01'));
		expect(inForceOn(versions, '2026-02-28')).toBeUndefined();
		expect(inForceOn([], '2026-06-15')).toBeUndefined();
	});

	test('two versions on one day: the later one is in force from that day', () => {
		const spans = versionHistory(doc({ version: '1.0.1', effective: '2026-01-01', changelog: [entry('1.0.1', '2026-01-01'), entry('1.0.0', '2026-01-01')] }), [], '/d/');
		expect(inForceOn(spans, '2026-01-01')?.version).toBe('1.0.1');
	});
});
