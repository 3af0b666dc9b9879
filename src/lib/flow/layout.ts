/**
 * Lays out an escalation flow in layers from top to bottom (a simplified Sugiyama layout): each
 * step sits one layer below the deepest step that leads to it (edges marked `loop` are left out),
 * an edge that spans several layers passes through a narrow placeholder in each layer between,
 * so that it runs beside the boxes rather than through them, and the items of a layer are ordered
 * by the positions of the items that lead to them, which keeps most edges from crossing.
 */
import type { DataOf } from '../../schemas/page.ts';

type Flow = Pick<DataOf<'escalation-flow'>, 'nodes' | 'edges'>;
type FlowNode = Flow['nodes'][number];

export interface PlacedNode {
	node: FlowNode;
	layer: number;
	x: number;
	y: number;
	width: number;
	height: number;
	/** The step's text, wrapped to the box. */
	lines: string[];
	/** `team · SLA`, when either is set. */
	meta?: string;
}

export interface Point {
	x: number;
	y: number;
}

export interface PlacedEdge {
	from: PlacedNode;
	to: PlacedNode;
	when?: string;
	loop: boolean;
	/**
	 * For a forward edge: the source's bottom, then the top and bottom of each layer it passes,
	 * then the target's top. Odd segments cross the gap between layers, even ones run down a layer.
	 */
	points: Point[];
}

export interface FlowLayout {
	width: number;
	height: number;
	nodes: PlacedNode[];
	edges: PlacedEdge[];
}

export const box = { width: 216, lineHeight: 16, padding: 10, gapX: 28, gapY: 56, charsPerLine: 30, lane: 20 };

const cjk = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
const tokens = new RegExp(`(\\s*)([${cjk}]|[^\\s${cjk}]+)`, 'g');
const wide = new RegExp(`[${cjk}]`);

/** How wide a text is, in Latin characters: Chinese characters take two. */
const widthOf = (text: string) => [...text].reduce((sum, char) => sum + (wide.test(char) ? 2 : 1), 0);

/**
 * Greedy word wrap to `width` characters; a word longer than a line gets a line of its own.
 * Chinese text has no spaces: a line may break after any of its characters.
 */
export function wrap(text: string, width = box.charsPerLine): string[] {
	const lines: string[] = [];
	let line = '';
	for (const [, space, word] of text.matchAll(tokens) as Iterable<[string, string, string]>) {
		const joined = line ? `${line}${space ? ' ' : ''}${word}` : word;
		if (line && widthOf(joined) > width) {
			lines.push(line);
			line = word;
		} else line = joined;
	}
	if (line) lines.push(line);
	return lines;
}

/** An item of a layer: a step, or the lane of a long edge passing through. */
type Item = { id: string; node?: FlowNode; width: number };

export function layoutFlow(flow: Flow): FlowLayout {
	const ids = new Set(flow.nodes.map((node) => node.id));
	const edges = flow.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
	const forward = edges.filter((edge) => !edge.loop);

	// Longest path from the sources over forward edges. The validator rejects any other cycle; the
	// round limit keeps a malformed flow from looping here.
	const layerOf = new Map<string, number>(flow.nodes.map((node) => [node.id, 0]));
	for (let round = 0; round < flow.nodes.length; round++) {
		let changed = false;
		for (const edge of forward) {
			const next = layerOf.get(edge.from)! + 1;
			if (next > layerOf.get(edge.to)!) {
				layerOf.set(edge.to, next);
				changed = true;
			}
		}
		if (!changed) break;
	}

	const layers: Item[][] = [];
	const put = (layer: number, item: Item) => (layers[layer] ??= []).push(item);
	for (const node of flow.nodes) put(layerOf.get(node.id)!, { id: node.id, node, width: box.width });
	// Each forward edge becomes a chain of segments between adjacent layers.
	const segments: { from: string; to: string }[] = [];
	const chains = forward.map((edge, e) => {
		const from = layerOf.get(edge.from)!;
		const to = layerOf.get(edge.to)!;
		const chain = [edge.from];
		for (let layer = from + 1; layer < to; layer++) {
			const id = `lane:${e}:${layer}`;
			put(layer, { id, width: box.lane });
			chain.push(id);
		}
		chain.push(edge.to);
		for (let i = 1; i < chain.length; i++) segments.push({ from: chain[i - 1]!, to: chain[i]! });
		return { edge, chain };
	});

	const position = new Map<string, number>();
	for (const row of layers.filter(Boolean)) {
		const barycenter = (item: Item) => {
			const parents = segments.filter((s) => s.to === item.id && position.has(s.from));
			return parents.length === 0 ? Infinity : parents.reduce((sum, s) => sum + position.get(s.from)!, 0) / parents.length;
		};
		const keyed = row.map((item, i) => ({ item, key: barycenter(item), i })).sort((a, b) => a.key - b.key || a.i - b.i);
		row.splice(0, row.length, ...keyed.map(({ item }) => item));
		let x = 0;
		for (const item of row) {
			position.set(item.id, x + item.width / 2);
			x += item.width + box.gapX;
		}
	}

	const rowWidth = (row: Item[]) => row.reduce((sum, item) => sum + item.width, 0) + (row.length - 1) * box.gapX;
	const width = Math.max(...layers.filter(Boolean).map(rowWidth)) + 2 * box.padding;
	const placed = new Map<string, PlacedNode>();
	const lanes = new Map<string, { x: number; top: number; bottom: number }>();
	let y = box.padding;
	for (const row of layers.filter(Boolean)) {
		const measured = row.map((item) => {
			if (!item.node) return { item, lines: [], meta: undefined, height: 0 };
			const lines = wrap(item.node.text);
			const meta = [item.node.team, item.node.sla && `SLA ${item.node.sla}`].filter(Boolean).join(' · ') || undefined;
			return { item, lines, meta, height: (lines.length + (meta ? 1 : 0)) * box.lineHeight + 2 * box.padding + (meta ? 4 : 0) };
		});
		const rowHeight = Math.max(...measured.map((m) => m.height), box.lineHeight);
		let x = (width - rowWidth(row)) / 2;
		for (const m of measured) {
			if (m.item.node) {
				const { node } = m.item;
				placed.set(node.id, { node, lines: m.lines, meta: m.meta, height: m.height, layer: layerOf.get(node.id)!, x, y: y + (rowHeight - m.height) / 2, width: box.width });
			} else lanes.set(m.item.id, { x: x + m.item.width / 2, top: y, bottom: y + rowHeight });
			x += m.item.width + box.gapX;
		}
		y += rowHeight + box.gapY;
	}

	const placedEdges: PlacedEdge[] = chains.map(({ edge, chain }) => {
		const from = placed.get(edge.from)!;
		const to = placed.get(edge.to)!;
		const points: Point[] = [{ x: from.x + from.width / 2, y: from.y + from.height }];
		for (const id of chain.slice(1, -1)) {
			const lane = lanes.get(id)!;
			points.push({ x: lane.x, y: lane.top }, { x: lane.x, y: lane.bottom });
		}
		points.push({ x: to.x + to.width / 2, y: to.y });
		return { from, to, when: edge.when, loop: false, points };
	});
	for (const edge of edges.filter((e) => e.loop)) {
		placedEdges.push({ from: placed.get(edge.from)!, to: placed.get(edge.to)!, when: edge.when, loop: true, points: [] });
	}
	return { width, height: y - box.gapY + box.padding, nodes: [...placed.values()], edges: placedEdges };
}
