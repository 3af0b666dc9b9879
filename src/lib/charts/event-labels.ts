/**
 * Where the labels of a chart's dated markers (a spec's new version) go, so that two changes a
 * few days apart never print over each other ("2.0.0 · 3.0.1" and "1.0.1" once read
 * "2.0.0 · 3.0.1.0.1"). Labels are laid in rows from the top of the chart: each goes in the first
 * row where it clears the label before it, and flips to the left of its marker where it would
 * run past the chart's right edge. A label that finds no row is left out; its marker stays, and
 * the list under the chart names every change.
 */

/** One marker: a day and the text beside it. */
export interface EventDay {
	date: Date;
	text: string;
}

export interface PlacedLabel extends EventDay {
	/** 0 for the top row, 1 for the one below… */
	row: number;
	/** `start`: the text runs right from the marker; `end`: it ends at the marker. */
	anchor: 'start' | 'end';
}

export interface LabelSpace {
	/** The x range of the data, and the pixels it is drawn across. */
	domain: [Date, Date];
	range: [number, number];
	/** The width of one character, in pixels, at the chart's font size. */
	charWidth: number;
	/** How many rows of labels the chart gives room to. */
	rows: number;
}

/** The space between a label and its marker, and between two labels of a row, in pixels. */
const gap = 4;

export function placeEventLabels(days: readonly EventDay[], space: LabelSpace): PlacedLabel[] {
	const [d0, d1] = space.domain.map((date) => date.getTime()) as [number, number];
	const [r0, r1] = space.range;
	const x = (date: Date) => (d1 === d0 ? r0 : r0 + ((date.getTime() - d0) / (d1 - d0)) * (r1 - r0));
	// The right end of the last label in each row.
	const ends: number[] = Array.from({ length: space.rows }, () => -Infinity);
	const placed: PlacedLabel[] = [];
	for (const day of [...days].sort((a, b) => a.date.getTime() - b.date.getTime())) {
		const width = day.text.length * space.charWidth;
		const at = x(day.date);
		const anchor = at + gap + width > r1 ? 'end' : 'start';
		const [left, right] = anchor === 'start' ? [at, at + gap + width] : [at - gap - width, at];
		const row = ends.findIndex((end) => left >= end + gap);
		if (row === -1) continue;
		ends[row] = right;
		placed.push({ ...day, row, anchor });
	}
	return placed;
}
