/**
 * Draws a laid-out flow as SVG markup at build time: boxes for steps (shaped by type), curves for
 * edges with their conditions, and the team and SLA inside each box. Colours come from CSS classes,
 * so the diagram follows the site's light and dark themes.
 */
import type { FlowLayout, PlacedEdge, PlacedNode } from './layout.ts';
import { box } from './layout.ts';
import { escapeHtml } from '../html.ts';

function nodeSvg(p: PlacedNode): string {
	const radius = p.node.type === 'start' || p.node.type === 'end' ? p.height / 2 : 6;
	const text = p.lines
		.map((line, i) => `<tspan x="${p.x + p.width / 2}" y="${p.y + box.padding + (i + 1) * box.lineHeight - 4}">${escapeHtml(line)}</tspan>`)
		.join('');
	const meta = p.meta
		? `<text class="ops-flow-svg__meta" x="${p.x + p.width / 2}" y="${p.y + p.height - box.padding - 2}">${escapeHtml(p.meta)}</text>`
		: '';
	return (
		`<g class="ops-flow-svg__node ops-flow-svg__node--${p.node.type}" id="flow-node-${escapeHtml(p.node.id)}">` +
		`<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="${Math.min(radius, 18)}"/>` +
		`<text class="ops-flow-svg__text" x="${p.x + p.width / 2}">${text}</text>${meta}</g>`
	);
}

function edgeSvg(e: PlacedEdge): string {
	let path: string;
	let label: { x: number; y: number };
	if (e.loop) {
		// A loop goes back up along the right side of the boxes.
		const side = Math.max(e.from.x + e.from.width, e.to.x + e.to.width) + box.gapX / 2;
		const fromY = e.from.y + e.from.height / 2;
		const toY = e.to.y + e.to.height / 2;
		path = `M${e.from.x + e.from.width},${fromY} C${side + 40},${fromY} ${side + 40},${toY} ${e.to.x + e.to.width},${toY}`;
		label = { x: side + 28, y: (fromY + toY) / 2 };
	} else {
		// Curves across the gaps between layers, straight runs down the lanes of long edges.
		const [first, ...rest] = e.points;
		path = `M${first!.x},${first!.y}`;
		let previous = first!;
		rest.forEach((point, i) => {
			if (i % 2 === 0) {
				const bend = Math.max(16, (point.y - previous.y) / 2);
				path += ` C${previous.x},${previous.y + bend} ${point.x},${point.y - bend} ${point.x},${point.y - (i === rest.length - 1 ? 2 : 0)}`;
			} else path += ` L${point.x},${point.y}`;
			previous = point;
		});
		const [a, b] = [e.points[0]!, e.points[1]!];
		label = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
	}
	const when = e.when
		? `<text class="ops-flow-svg__when" x="${label.x}" y="${label.y + 4}">${escapeHtml(e.when)}</text>`
		: '';
	return `<g class="ops-flow-svg__edge${e.loop ? ' ops-flow-svg__edge--loop' : ''}"><path d="${path}" marker-end="url(#ops-flow-arrow)"/>${when}</g>`;
}

/** The whole diagram; `label` names it for assistive technology. */
export function flowSvg(layout: FlowLayout, label: string): string {
	return (
		`<svg class="ops-flow-svg" viewBox="0 0 ${Math.ceil(layout.width + 60)} ${Math.ceil(layout.height)}" role="img" aria-label="${escapeHtml(label)}">` +
		`<defs><marker id="ops-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
		layout.edges.map(edgeSvg).join('') +
		layout.nodes.map(nodeSvg).join('') +
		`</svg>`
	);
}
