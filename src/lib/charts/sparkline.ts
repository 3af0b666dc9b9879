/** A small trend without axes, for the metric catalog: the shape of the last weeks at a glance. */
import * as Plot from '@observablehq/plot';
import type { Row } from '../query/rows.ts';

export function sparklineSpec(rows: readonly Row[], label: string, document?: Document): Plot.PlotOptions {
	return {
		document,
		width: 180,
		height: 40,
		margin: 4,
		axis: null,
		ariaLabel: label,
		style: { background: 'transparent', overflow: 'visible' },
		x: { type: 'utc' },
		y: { zero: false },
		marks: [
			Plot.lineY(rows, { x: (row: Row) => new Date(`${row.period}T00:00:00Z`), y: 'value', stroke: 'currentColor', strokeWidth: 1.5 }),
			Plot.dot(rows.slice(-1), { x: (row: Row) => new Date(`${row.period}T00:00:00Z`), y: 'value', r: 2.5, fill: 'currentColor' }),
		],
	};
}
