/**
 * Draws a laid-out flow as SVG markup at build time: boxes for steps (shaped by type), curves for
 * edges with their conditions, and the team and SLA inside each box. Colours come from CSS classes,
 * so the diagram follows the site's light and dark themes.
 */
import type { FlowLayout, PlacedEdge, PlacedNode, Segment } from './layout.ts';
import { box } from './layout.ts';
import { escapeHtml } from '../html.ts';

function nodeSvg(p: PlacedNode): string {
	const radius = p.node.type === 'start' || p.node.type === 'end' ? p.height / 2 : 6;
	const text = p.lines
		.map((line, i) => `<tspan x="${p.x + p.width / 2}" y="${p.y + box.padding + (i + 1) * box.lineHeight - 4}">${escapeHtml(line)}</tspan>`)
		.join('');
	// The small print's lines, the last one just above the box's bottom padding.
	const metaTop = p.y + p.height - box.padding - 2 - (p.meta.length - 1) * box.lineHeight;
	const meta =
		p.meta.length > 0
			? `<text class="ops-flow-svg__meta" x="${p.x + p.width / 2}">${p.meta.map((line, i) => `<tspan x="${p.x + p.width / 2}" y="${metaTop + i * box.lineHeight}">${escapeHtml(line)}</tspan>`).join('')}</text>`
			: '';
	return (
		`<g class="ops-flow-svg__node ops-flow-svg__node--${p.node.type}" id="flow-node-${escapeHtml(p.node.id)}">` +
		`<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="${Math.min(radius, 18)}"/>` +
		`<text class="ops-flow-svg__text" x="${p.x + p.width / 2}">${text}</text>${meta}</g>`
	);
}

const pathOf = (segments: readonly Segment[]) =>
	segments
		.map((s, i) => `${i === 0 ? `M${s.from.x},${s.from.y} ` : ''}${s.kind === 'curve' ? `C${s.c1.x},${s.c1.y} ${s.c2.x},${s.c2.y} ${s.to.x},${s.to.y}` : `L${s.to.x},${s.to.y}`}`)
		.join(' ');

function edgeSvg(e: PlacedEdge): string {
	const when = e.when && e.label ? `<text class="ops-flow-svg__when" x="${e.label.x}" y="${e.label.y + 4}">${escapeHtml(e.when)}</text>` : '';
	return `<g class="ops-flow-svg__edge${e.loop ? ' ops-flow-svg__edge--loop' : ''}"><path d="${pathOf(e.segments)}" marker-end="url(#ops-flow-arrow)"/></g>${when}`;
}

/** The whole diagram; `label` names it for assistive technology. */
export function flowSvg(layout: FlowLayout, label: string): string {
	return (
		`<svg class="ops-flow-svg" viewBox="0 0 ${Math.ceil(layout.width + 60)} ${Math.ceil(layout.height)}" style="min-width: ${Math.ceil(layout.width + 60)}px" role="img" aria-label="${escapeHtml(label)}">` +
		`<defs><marker id="ops-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
		layout.edges.map(edgeSvg).join('') +
		layout.nodes.map(nodeSvg).join('') +
		`</svg>`
	);
}
