/**
 * Lays out an escalation flow in layers from top to bottom (a simplified Sugiyama layout), in four
 * named steps: `assignLayers` puts each step one layer below the deepest step that leads to it
 * (edges marked `loop` are left out); `buildLayers` gives an edge that spans several layers a
 * narrow lane in each layer between, so that it runs beside the boxes rather than through them;
 * `orderLayers` orders each layer by the positions of the items that lead to it, which keeps most
 * edges from crossing; `placeItems` gives every box and lane its coordinates. `routes.ts` then
 * draws the edges between them and finds each condition's label a place no other line crosses.
 */
import type { DataOf } from '../../schemas/page.ts';
import { routeEdges } from './routes.ts';

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
	/** `team · SLA`, when either is set, wrapped to the box. */
	meta: string[];
}

export interface Point {
	x: number;
	y: number;
}

/** A piece of an edge's path: a curve across a gap between layers, or a straight run down a lane. */
export type Segment = { kind: 'curve'; from: Point; c1: Point; c2: Point; to: Point } | { kind: 'line'; from: Point; to: Point };

/** A box on the diagram: centre and size. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlacedEdge {
	from: PlacedNode;
	to: PlacedNode;
	when?: string;
	loop: boolean;
	/** The path from the source's bottom (or side, for a loop) to the target's top (or side). */
	segments: Segment[];
	/** Where the condition's label goes (its centre and size), clear of boxes, other lines and labels. */
	label?: Box;
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
type FlowEdge = Flow['edges'][number];
/** A forward edge and the items it passes, from its source to its target. */
export interface Chain {
	edge: FlowEdge;
	chain: string[];
}
/** Where a lane sits: its centre line, from the top of its layer to the bottom. */
export interface Lane {
	x: number;
	top: number;
	bottom: number;
}

/** How the layout words a step's small print; by default `team · SLA 15m`, with team ids. */
export interface LayoutOptions {
	meta?: (node: FlowNode) => string | undefined;
}

const defaultMeta = (node: FlowNode) => [node.team, node.sla && `SLA ${node.sla}`].filter(Boolean).join(' · ') || undefined;

export function layoutFlow(flow: Flow, options: LayoutOptions = {}): FlowLayout {
	const ids = new Set(flow.nodes.map((node) => node.id));
	const edges = flow.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
	const forward = edges.filter((edge) => !edge.loop);
	const layerOf = assignLayers(flow.nodes, forward);
	const { layers, chains } = buildLayers(flow.nodes, forward, layerOf);
	orderLayers(layers, chains);
	const { placed, lanes, width, height } = placeItems(layers, layerOf, options.meta ?? defaultMeta);
	const loops = edges.filter((edge) => edge.loop);
	return { width, height, nodes: [...placed.values()], edges: routeEdges(chains, loops, placed, lanes, box.gapX) };
}

/**
 * The layer of each step: the longest path to it from the sources, over forward edges. The
 * validator rejects any other cycle; the round limit keeps a malformed flow from looping here.
 */
function assignLayers(nodes: readonly FlowNode[], forward: readonly FlowEdge[]): Map<string, number> {
	const layerOf = new Map<string, number>(nodes.map((node) => [node.id, 0]));
	for (let round = 0; round < nodes.length; round++) {
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
	return layerOf;
}

/** The items of each layer: its steps, and a lane for every edge that passes through it. */
function buildLayers(nodes: readonly FlowNode[], forward: readonly FlowEdge[], layerOf: Map<string, number>): { layers: Item[][]; chains: Chain[] } {
	const layers: Item[][] = [];
	const put = (layer: number, item: Item) => (layers[layer] ??= []).push(item);
	for (const node of nodes) put(layerOf.get(node.id)!, { id: node.id, node, width: box.width });
	const chains = forward.map((edge, e) => {
		const chain = [edge.from];
		for (let layer = layerOf.get(edge.from)! + 1; layer < layerOf.get(edge.to)!; layer++) {
			const id = `lane:${e}:${layer}`;
			put(layer, { id, width: box.lane });
			chain.push(id);
		}
		chain.push(edge.to);
		return { edge, chain };
	});
	return { layers: layers.filter(Boolean), chains };
}

/** Orders each layer by the mean position of the items that lead to its items (barycentres). */
function orderLayers(layers: Item[][], chains: readonly Chain[]): void {
	const segments = chains.flatMap(({ chain }) => chain.slice(1).map((to, i) => ({ from: chain[i]!, to })));
	const position = new Map<string, number>();
	for (const row of layers) {
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
}

/** Coordinates of every box and lane: layers centred on the widest, each as tall as its tallest box. */
function placeItems(layers: readonly Item[][], layerOf: Map<string, number>, metaOf: (node: FlowNode) => string | undefined): { placed: Map<string, PlacedNode>; lanes: Map<string, Lane>; width: number; height: number } {
	const rowWidth = (row: readonly Item[]) => row.reduce((sum, item) => sum + item.width, 0) + (row.length - 1) * box.gapX;
	const width = Math.max(...layers.map(rowWidth)) + 2 * box.padding;
	const placed = new Map<string, PlacedNode>();
	const lanes = new Map<string, Lane>();
	let y = box.padding;
	for (const row of layers) {
		const measured = row.map((item) => {
			if (!item.node) return { item, lines: [], meta: [], height: 0 };
			const lines = wrap(item.node.text);
			// The small print is 11 px against the text's 13: more of it fits on a line.
			const meta = wrap(metaOf(item.node) ?? '', Math.floor(box.charsPerLine * 1.15));
			return { item, lines, meta, height: (lines.length + meta.length) * box.lineHeight + 2 * box.padding + (meta.length > 0 ? 4 : 0) };
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
	return { placed, lanes, width, height: y - box.gapY + box.padding };
}
