/**
 * The trend chart, as one Plot spec that both sides draw: the build renders it to SVG with a
 * server-side document, the browser redraws it with the live one.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../query/rows.ts';
import { formatValue, tickFormat, type Unit } from './format.ts';

/** A dated change drawn on the chart, e.g. a spec's new version. */
export interface ChartEvent {
	date: string;
	/** Short text on the chart, e.g. "LIVE gifting fraud 2.0.0". */
	label: string;
	title: string;
	version: string;
	summary: string;
	href: string;
}

export interface TrendChart {
	/** `line` (the default) draws a line per series; `bar` draws one bar per period, for a single series. */
	mark?: 'line' | 'bar';
	/** The period one point covers, so bars span it. */
	grain?: 'day' | 'week' | 'month';
	/** Shown as the chart's accessible name and caption. */
	title: string;
	unit: Unit;
	/** Drawn as a dashed rule. */
	target?: number;
	/** The label of the series dimension in the legend, e.g. "Market". */
	seriesLabel?: string;
	/** Warning and critical thresholds, drawn as a band between them. */
	thresholds?: { warn: number; critical: number };
	/** Changes to mark on the time axis. */
	events?: ChartEvent[];
}

const parsePeriod = (row: Row) => new Date(`${row.period}T00:00:00Z`);

/** One mark per day, even when several documents changed on it. */
function eventDays(events: readonly ChartEvent[]): { date: Date; text: string }[] {
	const days = new Map<string, string[]>();
	for (const event of events) days.set(event.date, [...(days.get(event.date) ?? []), event.version]);
	return [...days].map(([date, versions]) => ({ date: new Date(`${date}T00:00:00Z`), text: versions.join(' · ') }));
}

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
		y: { grid: true, label: null, tickFormat: tickFormat(chart.unit), zero: chart.mark === 'bar' },
		color: multiple ? { legend: true, label: chart.seriesLabel } : undefined,
		marks: [
			...(chart.thresholds
				? [
						Plot.rectY([chart.thresholds], { y1: 'warn', y2: 'critical', fill: 'orange', fillOpacity: 0.1 }),
						Plot.ruleY([chart.thresholds.critical], { stroke: 'red', strokeOpacity: 0.5, strokeDasharray: '2 3' }),
					]
				: []),
			...(chart.events && chart.events.length > 0
				? [
						Plot.ruleX(eventDays(chart.events), { x: 'date', stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '1 3' }),
						Plot.text(eventDays(chart.events), {
							x: 'date',
							text: 'text',
							frameAnchor: 'top',
							dy: 4,
							dx: 3,
							textAnchor: 'start',
							fillOpacity: 0.75,
						}),
					]
				: []),
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
			chart.mark === 'bar' && !multiple
				? Plot.rectY(rows, { x: parsePeriod, interval: chart.grain ?? 'week', y: 'value', fill: 'currentColor', fillOpacity: 0.55, inset: 1 })
				: Plot.lineY(rows, {
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
