/**
 * The trend chart, as one Plot spec that both sides draw: the build renders it to SVG with a
 * server-side document, the browser redraws it with the live one.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../query/rows.ts';
import { fill } from '../i18n/template.ts';
import { placeEventLabels, type EventDay } from './event-labels.ts';
import { formatValue, tickFormat, type Unit } from './format.ts';
import type { TableColumns } from './table.ts';

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

/** The words a chart draws or announces, in the reader's language. */
export interface ChartText {
	/** The chart's accessible description. */
	description: string;
	/** The target's label on the chart, with `{{value}}`, e.g. "target {{value}}". */
	target: string;
	/** The tooltip's line for the date, with `{{period}}`, e.g. "Week of {{period}}". */
	period: string;
	/** The data table's headers for the period and for what the numerator and denominator count. */
	columns: TableColumns;
}

export interface TrendChart {
	/** `line` (the default) draws a line per series; `bar` draws one bar per period, for a single series. */
	mark?: 'line' | 'bar';
	/** The period one point covers, so bars span it. */
	grain?: 'day' | 'week' | 'month';
	/** Shown as the chart's accessible name and caption, and named in every tooltip. */
	title: string;
	unit: Unit;
	/** Drawn as a dashed rule. */
	target?: number;
	/** The label of the series dimension in the legend, e.g. "Market". */
	seriesLabel?: string;
	/** The name of the series that sums the smaller ones (see `MetricQuery.top`): drawn last, in grey. */
	others?: string;
	/** Warning and critical thresholds, drawn as a band between them. */
	thresholds?: { warn: number; critical: number };
	/** Changes to mark on the time axis. */
	events?: ChartEvent[];
	text: ChartText;
}

/**
 * The widths the build draws at, and below which a chart takes its narrow layout. Each is the box
 * a chart gets on common screens, so that the browser has nothing to redraw there (ops-chart.ts):
 * 720 px, Starlight's widest content column (every window from 1440 px, and 768-px tablets), and
 * 360 px, a 390-px phone's column (358 px).
 */
export const chartWidth = { wide: 720, narrow: 360, breakpoint: 560 };
/** Chart text, in pixels; drawn at the chart's own width it is this size on screen too. */
const fontSize = 12;
const margin = { top: 24, left: 48, right: 16 };
/** The class of the marks that draw the data (lines or bars), for whatever must keep clear of them. */
const dataClass = 'ops-chart-data';
/** The target rule's dashes, repeated in its key. */
const targetDash = '4 3';
// Observable Plot's default hues, each darkened or lightened until its line stands out from both
// themes' backgrounds at 3:1 or more (WCAG's contrast for graphics): Plot's own yellow, teal and
// light blue are under 2:1 on white. chart.test.ts measures every line in both themes.
const palette = ['#4269d0', '#c27803', '#e0533d', '#1f9486', '#3a8f3c', '#d1568f', '#a463f2', '#5b8bd9', '#9c6b4e'];
// The "others" series, in grey: drawn as a series, but not one to follow.
const grey = '#868a93';

const parsePeriod = (row: Row) => new Date(`${row.period}T00:00:00Z`);

/** One mark per day, even when several documents changed on it. */
function eventDays(events: readonly ChartEvent[]): EventDay[] {
	const days = new Map<string, string[]>();
	for (const event of events) days.set(event.date, [...(days.get(event.date) ?? []), event.version]);
	return [...days].map(([date, versions]) => ({ date: new Date(`${date}T00:00:00Z`), text: versions.join(' · ') }));
}

/** Series biggest first (by their summed denominator), the folded "others" last: legend and colours follow. */
function seriesOrder(rows: readonly Row[], others: string | undefined): string[] {
	const size = new Map<string, number>();
	for (const row of rows) size.set(String(row.series), (size.get(String(row.series)) ?? 0) + Number(row.denominator ?? 0));
	const rank = (series: string) => (series === others ? -Infinity : size.get(series)!);
	return [...size.keys()].sort((a, b) => rank(b) - rank(a) || a.localeCompare(b));
}

/**
 * The target's key, above the frame at its right: a stretch of the rule's dashes and its label
 * ("target 15.0%"). A label beside the rule, inside the frame, lies on the lines wherever they pass
 * near the target, which is where a reader looks; in the top margin no mark can reach it.
 */
function targetKey(label: string): Plot.RenderFunction {
	return (_index, _scales, _values, dimensions, context) => {
		const svg = 'http://www.w3.org/2000/svg';
		const create = (name: string, attributes: Record<string, string | number>) => {
			const element = context.document.createElementNS(svg, name);
			for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
			return element;
		};
		const right = dimensions.width - dimensions.marginRight;
		const y = dimensions.marginTop / 2;
		const key = create('g', { class: 'ops-chart-target-key' });
		key.append(
			create('line', { x1: right - 20, x2: right, y1: y, y2: y, stroke: 'currentColor', 'stroke-dasharray': targetDash, 'stroke-opacity': 0.7 }),
			create('text', { x: right - 26, y, dy: '0.32em', 'text-anchor': 'end', fill: 'currentColor' }),
		);
		key.lastElementChild!.textContent = label;
		return key as SVGGElement;
	};
}

/** The markers of dated changes, their labels in rows so that none overlaps another. */
function eventMarks(chart: TrendChart, rows: readonly Row[], width: number): Plot.Markish[] {
	const days = eventDays(chart.events ?? []);
	if (days.length === 0 || rows.length === 0) return [];
	const placed = placeEventLabels(days, {
		domain: [parsePeriod(rows[0]!), parsePeriod(rows.at(-1)!)],
		range: [margin.left, width - margin.right],
		charWidth: fontSize * 0.6,
		rows: 3,
	});
	return [
		Plot.ruleX(days, { x: 'date', stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '1 3' }),
		...[0, 1, 2].flatMap((row) =>
			(['start', 'end'] as const).map((anchor) =>
				Plot.text(
					placed.filter((label) => label.row === row && label.anchor === anchor),
					{ x: 'date', text: 'text', frameAnchor: 'top', dy: 4 + row * (fontSize + 3), dx: anchor === 'start' ? 3 : -3, textAnchor: anchor, fillOpacity: 0.75 },
				),
			),
		),
	];
}

/**
 * Plot options for a line per series over time, with the target as a rule, drawn `width` pixels
 * wide: the browser draws at the width of the chart's box, so that text keeps its size on screen.
 */
export function trendSpec(rows: readonly Row[], chart: TrendChart, document?: Document, width = chartWidth.wide): Plot.PlotOptions {
	const order = seriesOrder(rows, chart.others);
	const multiple = order.length > 1;
	const narrow = width < chartWidth.breakpoint;
	const value = (row: Row) => formatValue(row.value as number | null, chart.unit);
	const tip = (row: Row) =>
		[`${chart.title}: ${value(row)}`, multiple ? `${chart.seriesLabel ?? ''}: ${row.series}` : '', fill(chart.text.period, { period: String(row.period) })]
			.filter(Boolean)
			.join('\n');
	return {
		document,
		width,
		height: narrow ? 260 : 320,
		marginTop: margin.top,
		marginLeft: margin.left,
		marginRight: margin.right,
		style: { fontSize: `${fontSize}px`, background: 'transparent' },
		ariaLabel: chart.title,
		ariaDescription: chart.text.description,
		x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor((width - margin.left - margin.right) / 110)) },
		y: { grid: true, label: null, tickFormat: tickFormat(chart.unit), zero: chart.mark === 'bar', ticks: narrow ? 5 : undefined },
		color: multiple ? { legend: true, label: chart.seriesLabel, domain: order, range: order.map((series, i) => (series === chart.others ? grey : palette[i % palette.length]!)) } : undefined,
		marks: [
			...(chart.thresholds
				? [
						Plot.rectY([chart.thresholds], { y1: 'warn', y2: 'critical', fill: 'orange', fillOpacity: 0.1 }),
						Plot.ruleY([chart.thresholds.critical], { stroke: 'red', strokeOpacity: 0.5, strokeDasharray: '2 3' }),
					]
				: []),
			...eventMarks(chart, rows, width),
			...(chart.target === undefined
				? []
				: [
						Plot.ruleY([chart.target], { stroke: 'currentColor', strokeDasharray: targetDash, strokeOpacity: 0.7 }),
						targetKey(fill(chart.text.target, { value: formatValue(chart.target, chart.unit) })),
					]),
			chart.mark === 'bar' && !multiple
				? Plot.rectY(rows, { x: parsePeriod, interval: chart.grain ?? 'week', y: 'value', fill: 'currentColor', fillOpacity: 0.55, inset: 1, className: dataClass })
				: Plot.lineY(rows, {
						x: parsePeriod,
						y: 'value',
						stroke: multiple ? 'series' : 'currentColor',
						strokeWidth: 1.6,
						className: dataClass,
					}),
			// The tooltip names the metric and shows the value as the tiles do (15.6 %, not 15 %).
			Plot.tip(rows, Plot.pointer({ x: parsePeriod, y: 'value', stroke: multiple ? 'series' : undefined, title: tip })),
		],
	};
}
