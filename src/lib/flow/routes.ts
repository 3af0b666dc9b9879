/**
 * The edges of a laid-out flow: where each leaves its source and enters its target, the curves
 * and lane runs between, and a place for its condition ("Yes, or unsure") that no box, no other
 * edge and no other label crosses. Edges leave a box at separate ports along its bottom, ordered
 * by where they go, so that sibling edges part at once instead of sharing their first stretch.
 */
import type { Box, Chain, Lane, PlacedEdge, PlacedNode, Point, Segment } from './layout.ts';
import type { DataOf } from '../../schemas/page.ts';

type FlowEdge = DataOf<'escalation-flow'>['edges'][number];

/** The size of a condition's label: 11 px italic text, about 6.2 px a character, and a margin. */
export const labelSize = (text: string) => ({ width: text.length * 6.2 + 8, height: 15 });

/** Where along its first curve a label may sit, best first: the middle, then towards either end. */
const stops = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

export function routeEdges(chains: readonly Chain[], loops: readonly FlowEdge[], placed: Map<string, PlacedNode>, lanes: Map<string, Lane>, gapX: number): PlacedEdge[] {
	const ports = portsOf(chains, placed, lanes);
	const edges: PlacedEdge[] = chains.map(({ edge, chain }, i) => {
		const { out, into } = ports[i]!;
		const points: Point[] = [out];
		for (const id of chain.slice(1, -1)) {
			const lane = lanes.get(id)!;
			points.push({ x: lane.x, y: lane.top }, { x: lane.x, y: lane.bottom });
		}
		points.push(into);
		return { from: placed.get(edge.from)!, to: placed.get(edge.to)!, when: edge.when, loop: false, segments: segmentsThrough(points) };
	});
	for (const edge of loops) edges.push(loopEdge(edge, placed.get(edge.from)!, placed.get(edge.to)!, gapX));
	placeLabels(edges, [...placed.values()]);
	return edges;
}

/** Ports spread along the source's bottom and the target's top, in the order of the other ends. */
function portsOf(chains: readonly Chain[], placed: Map<string, PlacedNode>, lanes: Map<string, Lane>): { out: Point; into: Point }[] {
	const xOf = (id: string) => lanes.get(id)?.x ?? placed.get(id)!.x + placed.get(id)!.width / 2;
	const spread = (node: PlacedNode, mine: number, all: number[]) => {
		const sorted = [...all].sort((a, b) => a - b);
		return node.x + (node.width * (sorted.indexOf(mine) + 1)) / (sorted.length + 1);
	};
	return chains.map(({ edge, chain }) => {
		const from = placed.get(edge.from)!;
		const to = placed.get(edge.to)!;
		const siblingsOut = chains.filter((c) => c.edge.from === edge.from).map((c) => xOf(c.chain[1]!));
		const siblingsIn = chains.filter((c) => c.edge.to === edge.to).map((c) => xOf(c.chain.at(-2)!));
		return {
			out: { x: spread(from, xOf(chain[1]!), siblingsOut), y: from.y + from.height },
			// The arrow's tip stops just short of the box's border.
			into: { x: spread(to, xOf(chain.at(-2)!), siblingsIn), y: to.y - 2 },
		};
	});
}

/** Curves across the gaps between layers, straight runs down the lanes of long edges. */
function segmentsThrough(points: readonly Point[]): Segment[] {
	const segments: Segment[] = [];
	for (let i = 1; i < points.length; i++) {
		const [from, to] = [points[i - 1]!, points[i]!];
		if (i % 2 === 1) {
			const bend = Math.max(16, (to.y - from.y) / 2);
			segments.push({ kind: 'curve', from, c1: { x: from.x, y: from.y + bend }, c2: { x: to.x, y: to.y - bend }, to });
		} else segments.push({ kind: 'line', from, to });
	}
	return segments;
}

/** A loop goes back up beside the boxes, on the right. */
function loopEdge(edge: FlowEdge, from: PlacedNode, to: PlacedNode, gapX: number): PlacedEdge {
	const side = Math.max(from.x + from.width, to.x + to.width) + gapX / 2;
	const start = { x: from.x + from.width, y: from.y + from.height / 2 };
	const end = { x: to.x + to.width, y: to.y + to.height / 2 };
	return { from, to, when: edge.when, loop: true, segments: [{ kind: 'curve', from: start, c1: { x: side + 40, y: start.y }, c2: { x: side + 40, y: end.y }, to: end }] };
}

/** The point at `t` (0 to 1) along a segment. */
export function pointAt(segment: Segment, t: number): Point {
	if (segment.kind === 'line') return { x: segment.from.x + (segment.to.x - segment.from.x) * t, y: segment.from.y + (segment.to.y - segment.from.y) * t };
	const u = 1 - t;
	const { from: a, c1: b, c2: c, to: d } = segment;
	return {
		x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
		y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y,
	};
}

/** Points every few pixels along an edge's path, for collision checks. */
export function samples(edge: PlacedEdge, count = 48): Point[] {
	return edge.segments.flatMap((segment) => Array.from({ length: count + 1 }, (_, i) => pointAt(segment, i / count)));
}

/** Whether a point lies inside a box given by its centre and size. */
export const inside = (point: Point, area: Box) => Math.abs(point.x - area.x) <= area.width / 2 && Math.abs(point.y - area.y) <= area.height / 2;

/** Whether two boxes (centre and size) overlap. */
export const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

const nodeBox = (node: PlacedNode): Box => ({ x: node.x + node.width / 2, y: node.y + node.height / 2, width: node.width, height: node.height });

/**
 * Each condition gets the first place along its edge's first curve (beside the line, or on it)
 * that overlaps no box, no label placed before it and no other edge. A flow too crowded for
 * that keeps the middle of the curve, which the geometry test would report.
 */
function placeLabels(edges: PlacedEdge[], nodes: readonly PlacedNode[]): void {
	const boxes = nodes.map(nodeBox);
	const paths = edges.map((edge) => samples(edge));
	const taken: Box[] = [];
	edges.forEach((edge, i) => {
		if (!edge.when) return;
		const size = labelSize(edge.when);
		const first = edge.segments[0]!;
		// Beside the line first, on the side the edge heads to, so that the line never runs through
		// the words; on the line itself only where neither side is free.
		const heading = Math.sign(first.to.x - first.from.x) || 1;
		const candidates = stops.flatMap((t) => {
			const at = pointAt(first, t);
			return [heading, -heading, 0].map((side) => ({ ...size, x: at.x + side * (size.width / 2 + 4), y: at.y }));
		});
		const clear = (area: Box) =>
			!boxes.some((other) => overlaps(area, other)) && !taken.some((other) => overlaps(area, other)) && !paths.some((path, j) => j !== i && path.some((point) => inside(point, area)));
		const label = candidates.find(clear) ?? candidates[0]!;
		taken.push(label);
		edge.label = label;
	});
}
