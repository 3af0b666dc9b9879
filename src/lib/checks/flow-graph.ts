/**
 * Escalation flows are graphs a person walks under time pressure: exactly one start, every step
 * reachable from it, a way out of every step that is not an end, edges only between existing
 * steps, and no cycle unless an edge is marked `loop: true`.
 */
import type { DataOf } from '../../schemas/page.ts';
import { salvagedWith, type Handbook, type Page, type Report } from './handbook.ts';
import { translationsToCheck } from './translations.ts';
import { duplicates, hint } from './suggest.ts';

export function checkFlows(handbook: Handbook, report: Report): void {
	for (const page of [...handbook.pages, ...translationsToCheck(handbook), ...salvagedWith(handbook, ['nodes', 'edges'])]) {
		if (page.data.kind === 'escalation-flow' && !page.data.archived_of) checkFlow(page, page.data, report);
	}
}

/** The graph as the checks see it: each step id once (its first step), its starts, and the edges between existing steps by the step they leave. */
interface Graph {
	nodes: { node: DataOf<'escalation-flow'>['nodes'][number]; i: number }[];
	starts: number[];
	out: Map<string, (DataOf<'escalation-flow'>['edges'][number] & { index: number })[]>;
}

/** The flow's checks, in the order a reader would look: its steps, its edges, then the walk from the start. */
function checkFlow(page: Page, flow: DataOf<'escalation-flow'>, report: Report): void {
	const graph: Graph = { ...checkSteps(page, flow, report), out: checkEdges(page, flow, report) };
	checkExits(page, graph, report);
	checkReach(page, flow, graph, report);
	checkCycles(page, graph, report);
}

/** Step ids used once and exactly one start; the graph checks see only the first step of a repeated id. */
function checkSteps(page: Page, flow: DataOf<'escalation-flow'>, report: Report): Omit<Graph, 'out'> {
	for (const { index, first } of duplicates(flow.nodes, (node) => node.id)) {
		report.at(page, ['nodes', index, 'id'], `step id "${flow.nodes[index]!.id}" is used twice (first at line ${page.source.locate(['nodes', first, 'id']).line})`);
	}
	const firsts = new Set(flow.nodes.map((node, i) => (flow.nodes.findIndex((other) => other.id === node.id) === i ? i : -1)));
	const nodes = flow.nodes.map((node, i) => ({ node, i })).filter(({ i }) => firsts.has(i));
	const starts = nodes.flatMap(({ node, i }) => (node.type === 'start' ? [i] : []));
	if (starts.length === 0) report.at(page, ['nodes'], 'the flow has no step of type "start"; exactly one is needed');
	for (const i of starts.slice(1)) {
		report.at(page, ['nodes', i, 'type'], `a second start "${flow.nodes[i]!.id}"; the flow has exactly one start ("${flow.nodes[starts[0]!]!.id}")`);
	}
	return { nodes, starts };
}

/** Every edge joins two steps of the flow; those that do, by the step they leave. */
function checkEdges(page: Page, flow: DataOf<'escalation-flow'>, report: Report): Graph['out'] {
	const ids = new Set(flow.nodes.map((node) => node.id));
	const out: Graph['out'] = new Map();
	flow.edges.forEach((edge, index) => {
		const missing = (['from', 'to'] as const).filter((end) => !ids.has(edge[end]));
		for (const end of missing) report.at(page, ['edges', index, end], `no step "${edge[end]}" in this flow${hint(edge[end], ids)}`);
		if (missing.length === 0) out.set(edge.from, [...(out.get(edge.from) ?? []), { ...edge, index }]);
	});
	return out;
}

/** An end has no way out; every other step has one, a decision at least two. */
function checkExits(page: Page, { nodes, out }: Graph, report: Report): void {
	nodes.forEach(({ node, i }) => {
		const exits = out.get(node.id) ?? [];
		if (node.type === 'end') {
			for (const edge of exits) report.at(page, ['edges', edge.index, 'from'], `"${node.id}" is an end step; an end has no way out`);
		} else if (exits.length === 0) {
			report.at(page, ['nodes', i], `step "${node.id}" (${node.type}) has no way out: add an edge from it, or make it an end`);
		} else if (node.type === 'decision' && exits.length < 2) {
			report.at(page, ['nodes', i], `decision "${node.id}" has ${exits.length} answer; a decision needs at least two edges, each with "when"`);
		}
	});
}

/** Every step can be reached from the start (when there is one). */
function checkReach(page: Page, flow: DataOf<'escalation-flow'>, { nodes, starts, out }: Graph, report: Report): void {
	const start = starts.length > 0 ? flow.nodes[starts[0]!]!.id : undefined;
	if (!start) return;
	const reached = new Set([start]);
	const queue = [start];
	while (queue.length > 0) {
		for (const edge of out.get(queue.shift()!) ?? []) {
			if (!reached.has(edge.to)) {
				reached.add(edge.to);
				queue.push(edge.to);
			}
		}
	}
	nodes.forEach(({ node, i }) => {
		if (!reached.has(node.id)) report.at(page, ['nodes', i], `step "${node.id}" cannot be reached from the start "${start}"`);
	});
}

/** No cycle among the edges not marked as loops: a depth-first search, each back edge one cycle. */
function checkCycles(page: Page, { nodes, out }: Graph, report: Report): void {
	const state = new Map<string, 'open' | 'done'>();
	const trail: string[] = [];
	const visit = (id: string) => {
		state.set(id, 'open');
		trail.push(id);
		for (const edge of out.get(id) ?? []) {
			if (edge.loop) continue;
			const seen = state.get(edge.to);
			if (seen === 'open') {
				const cycle = [...trail.slice(trail.indexOf(edge.to)), edge.to].join(' → ');
				report.at(page, ['edges', edge.index], `edge ${edge.from} → ${edge.to} closes a cycle (${cycle}); mark it "loop: true" if the flow really goes back`);
			} else if (seen === undefined) visit(edge.to);
		}
		trail.pop();
		state.set(id, 'done');
	};
	for (const { node } of nodes) if (!state.has(node.id)) visit(node.id);
}
