import { expect, test } from 'vitest';
import { placeEventLabels } from '../../src/lib/charts/event-labels.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Half a year across 600 px: a day is about 3.3 px, a character 7 px.
const space = { domain: [day('2026-05-18'), day('2026-11-09')] as [Date, Date], range: [48, 648] as [number, number], charWidth: 7, rows: 3 };

test('labels of changes a few days apart go in separate rows instead of printing over each other', () => {
	const placed = placeEventLabels(
		[
			{ date: day('2026-09-15'), text: '2.0.0 · 3.0.0' },
			{ date: day('2026-10-01'), text: '1.0.1' },
			{ date: day('2026-06-01'), text: '2.3.0' },
		],
		space,
	);
	expect(placed.map(({ text, row, anchor }) => [text, row, anchor])).toEqual([
		['2.3.0', 0, 'start'],
		['2.0.0 · 3.0.0', 0, 'start'],
		['1.0.1', 1, 'start'],
	]);
});

test('a label at the right edge ends at its marker, and one that finds no row is left out', () => {
	const crowded = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((date) => ({ date: day(date), text: '9.9.9' }));
	const placed = placeEventLabels(crowded, space);
	expect(placed.map((label) => label.anchor)).toEqual(['end', 'end', 'end']);
	expect(placed.map((label) => label.row)).toEqual([0, 1, 2]);
});
