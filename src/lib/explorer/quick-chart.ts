/**
 * The explorer's quick chart: a Plot spec of two picked columns of a result (and optionally a
 * column for colour), as a line, bars or dots. At most `chartRowLimit` rows are drawn, so a chart
 * of a large result stays quick; the workbench says when it drew only the first ones.
 */
import * as Plot from '@observablehq/plot';
import type { ColumnKind, QueryResult, Value } from './result.ts';

export const chartRowLimit = 10_000;

export interface QuickChartChoice {
	x: number;
	y: number;
	/** A column whose values split the marks by colour, or -1 for none. */
	color: number;
	mark: 'line' | 'bar' | 'dot';
}

const numeric = (kind: ColumnKind) => kind === 'integer' || kind === 'number';

/** A sensible first chart: the first date (or text) column across, the first number up. */
export function defaultChoice(result: QueryResult): QuickChartChoice | undefined {
	const kinds = result.columns.map((column) => column.kind);
	const y = kinds.findIndex(numeric);
	if (y < 0) return undefined;
	let x = kinds.findIndex((kind) => kind === 'date' || kind === 'timestamp');
	if (x < 0) x = kinds.findIndex((kind, i) => kind === 'text' && i !== y);
	if (x < 0) x = kinds.findIndex((kind, i) => numeric(kind) && i !== y);
	if (x < 0) return undefined;
	const temporal = kinds[x] === 'date' || kinds[x] === 'timestamp';
	const color = temporal ? kinds.findIndex((kind, i) => kind === 'text' && i !== x) : -1;
	return { x, y, color, mark: temporal ? 'line' : kinds[x] === 'text' ? 'bar' : 'dot' };
}

function axisValue(value: Value, kind: ColumnKind): Date | number | string | null {
	if (value === null) return null;
	if (kind === 'date') return new Date(`${value}T00:00:00Z`);
	if (kind === 'timestamp') return new Date(`${String(value).replace(' ', 'T')}Z`);
	if (typeof value === 'bigint') return Number(value);
	return typeof value === 'boolean' ? String(value) : value;
}

export function quickChartSpec(result: QueryResult, choice: QuickChartChoice, width: number, label: string): Plot.PlotOptions {
	const shown = Math.min(result.rowCount, chartRowLimit);
	const columns = result.columns;
	const read = (index: number) => result.column(index).slice(0, shown).map((value) => axisValue(value, columns[index]!.kind));
	const xs = read(choice.x);
	const ys = read(choice.y);
	const colors = choice.color >= 0 ? read(choice.color).map((value) => (value === null ? 'NULL' : String(value))) : undefined;
	const data = xs.map((x, i) => ({ x, y: ys[i], color: colors?.[i] })).filter((point) => point.x !== null && point.y !== null);
	if (choice.mark === 'line') data.sort((a, b) => Number(a.x) - Number(b.x) || (a.x! < b.x! ? -1 : a.x! > b.x! ? 1 : 0));
	const channels = { x: 'x', y: 'y', ...(colors ? { stroke: 'color' } : {}) };
	const mark =
		choice.mark === 'line'
			? Plot.lineY(data, { ...channels, stroke: colors ? 'color' : 'currentColor' })
			: choice.mark === 'bar'
				? Plot.barY(data, { x: 'x', y: 'y', fill: colors ? 'color' : 'currentColor', fillOpacity: colors ? 1 : 0.6 })
				: Plot.dot(data, { ...channels, stroke: colors ? 'color' : 'currentColor', r: 2 });
	return {
		width,
		height: width < 560 ? 260 : 340,
		marginLeft: 56,
		marginBottom: choice.mark === 'bar' ? 60 : 30,
		style: { fontSize: '12px', background: 'transparent' },
		ariaLabel: label,
		x: { label: columns[choice.x]!.name, tickRotate: choice.mark === 'bar' ? -30 : 0 },
		y: { label: columns[choice.y]!.name, grid: true },
		color: colors ? { legend: true, label: columns[choice.color]!.name } : undefined,
		marks: [...(choice.mark === 'line' ? [] : [Plot.ruleY([0], { strokeOpacity: 0.3 })]), mark, Plot.tip(data, Plot.pointer({ x: 'x', y: 'y' }))],
	};
}
