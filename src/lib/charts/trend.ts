/**
 * The trend chart, as one Plot spec that both sides draw: the build renders it to SVG with a
 * server-side document, the browser redraws it with the live one.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../query/rows.ts';
import { formatValue, tickFormat, type Unit } from './format.ts';

export interface TrendChart {
	/** Shown as the chart's accessible name and caption. */
	title: string;
	unit: Unit;
	/** Drawn as a dashed rule. */
	target?: number;
	/** The label of the series dimension in the legend, e.g. "Market". */
	seriesLabel?: string;
}

const parsePeriod = (row: Row) => new Date(`${row.period}T00:00:00Z`);

/** Plot options for a line per series over time, with the target as a rule. */
export function trendSpec(rows: readonly Row[], chart: TrendChart, document?: Document): Plot.PlotOptions {
	const multiple = new Set(rows.map((row) => row.series)).size > 1;
	return {
		document,
		width: 760,
		height: 320,
		marginLeft: 48,
		marginRight: 16,
		style: { fontSize: '12px', background: 'transparent' },
		ariaLabel: chart.title,
		ariaDescription: `Line chart of ${chart.title} by ${chart.seriesLabel ?? 'series'} over time; the data table below holds every value.`,
		x: { type: 'utc', label: null },
		y: { grid: true, label: null, tickFormat: tickFormat(chart.unit), zero: false },
		color: multiple ? { legend: true, label: chart.seriesLabel } : undefined,
		marks: [
			...(chart.target === undefined
				? []
				: [
						Plot.ruleY([chart.target], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.7 }),
						Plot.text([chart.target], {
							y: (target: number) => target,
							frameAnchor: 'right',
							textAnchor: 'end',
							dy: -6,
							text: (target: number) => `target ${formatValue(target, chart.unit)}`,
						}),
					]),
			Plot.lineY(rows, {
				x: parsePeriod,
				y: 'value',
				stroke: multiple ? 'series' : 'currentColor',
				strokeWidth: 1.6,
			}),
			Plot.tip(
				rows,
				Plot.pointer({
					x: parsePeriod,
					y: 'value',
					stroke: multiple ? 'series' : undefined,
					channels: { series: { value: 'series', label: chart.seriesLabel ?? 'Series' } },
					format: { y: tickFormat(chart.unit), x: '%Y-%m-%d' },
				}),
			),
		],
	};
}
