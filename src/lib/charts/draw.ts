/**
 * Draws a chart's rows in the browser at the width of its box, with the build's Plot spec: text
 * then keeps its size on screen at any width, where the build's SVG, scaled to fit, would shrink
 * it. Needs Plot only, not DuckDB-WASM, so `<ops-chart>` loads it at once.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../query/rows.ts';
import { asAccessibleImage } from './accessible.ts';
import { trendSpec, type TrendChart } from './trend.ts';

export function drawAtWidth(rows: readonly Row[], chart: TrendChart, width: number): Element {
	return asAccessibleImage(Plot.plot(trendSpec(rows, chart, undefined, Math.round(width))));
}
