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

function checkFlow(page: Page, flow: DataOf<'escalation-flow'>, report: Report): void {
	const ids = new Set(flow.nodes.map((node) => node.id));
	for (const { index, first } of duplicates(flow.nodes, (node) => node.id)) {
		report.at(page, ['nodes', index, 'id'], `step id "${flow.nodes[index]!.id}" is used twice (first at line ${page.source.locate(['nodes', first, 'id']).line})`);
	}

	// A repeated id is reported above; the graph checks see only its first step.
	const firsts = new Set(flow.nodes.map((node, i) => (flow.nodes.findIndex((other) => other.id === node.id) === i ? i : -1)));
	const nodes = flow.nodes.map((node, i) => ({ node, i })).filter(({ i }) => firsts.has(i));
	const starts = nodes.flatMap(({ node, i }) => (node.type === 'start' ? [i] : []));
	if (starts.length === 0) report.at(page, ['nodes'], 'the flow has no step of type "start"; exactly one is needed');
	for (const i of starts.slice(1)) {
		report.at(page, ['nodes', i, 'type'], `a second start "${flow.nodes[i]!.id}"; the flow has exactly one start ("${flow.nodes[starts[0]!]!.id}")`);
	}

	const valid = flow.edges.map((edge, i) => {
		let ok = true;
		for (const end of ['from', 'to'] as const) {
			if (!ids.has(edge[end])) {
				report.at(page, ['edges', i, end], `no step "${edge[end]}" in this flow${hint(edge[end], ids)}`);
				ok = false;
			}
		}
		return ok;
	});
	const edges = flow.edges.map((edge, index) => ({ ...edge, index })).filter((_, i) => valid[i]);
	const out = new Map<string, typeof edges>();
	for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);

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

	const start = starts.length > 0 ? flow.nodes[starts[0]!]!.id : undefined;
	if (start) {
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

	// Depth-first search for a cycle among the edges not marked as loops; each back edge is one.
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
