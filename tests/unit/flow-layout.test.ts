/**
 * The escalation-flow diagram, checked as geometry: every flow of the handbook (and the fixtures')
 * is laid out and every condition label must be clear of every box, every other label and every
 * other edge — no line may run through a label, as one once did on the minor-safety flow.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { layoutFlow, type FlowLayout } from '../../src/lib/flow/layout.ts';
import { inside, overlaps, samples } from '../../src/lib/flow/routes.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function flowsIn(dir: string): Promise<[string, Parameters<typeof layoutFlow>[0]][]> {
	const files = (await readdir(path.join(root, dir), { recursive: true })).filter((file) => file.endsWith('.mdx'));
	const flows: [string, Parameters<typeof layoutFlow>[0]][] = [];
	for (const file of files) {
		const text = await readFile(path.join(root, dir, file), 'utf8');
		const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { kind?: string; nodes?: unknown; edges?: unknown };
		if (data?.kind === 'escalation-flow') flows.push([`${dir}/${file}`, data as Parameters<typeof layoutFlow>[0]]);
	}
	return flows;
}

/** Every way a label is not clear, one line each. */
function collisions(layout: FlowLayout): string[] {
	const found: string[] = [];
	const labelled = layout.edges.filter((edge) => edge.label);
	for (const edge of labelled) {
		const name = `"${edge.when}" (${edge.from.node.id} → ${edge.to.node.id})`;
		const label = edge.label!;
		for (const node of layout.nodes) {
			if (overlaps(label, { x: node.x + node.width / 2, y: node.y + node.height / 2, width: node.width, height: node.height })) found.push(`${name} overlaps the box of ${node.node.id}`);
		}
		for (const other of layout.edges) {
			if (other === edge) continue;
			if (samples(other).some((point) => inside(point, label))) found.push(`${name} is crossed by the edge ${other.from.node.id} → ${other.to.node.id}`);
			if (other.label && overlaps(label, other.label)) found.push(`${name} overlaps the label "${other.when}"`);
		}
	}
	return found;
}

const flows = [...(await flowsIn('src/content/docs')), ...(await flowsIn('tests/fixtures/checks/flows'))];

describe('flow diagrams', () => {
	test('the handbook has flows to check', () => {
		expect(flows.map(([file]) => file)).toEqual(expect.arrayContaining(['src/content/docs/flows/minor-safety-live.mdx', 'src/content/docs/flows/live-monetization-escalation.mdx']));
	});

	test.each(flows)('%s: no edge runs through a condition, and no condition covers a box or another', (_, flow) => {
		const layout = layoutFlow(flow);
		expect(layout.edges.filter((edge) => edge.when).every((edge) => edge.label)).toBe(true);
		expect(collisions(layout)).toEqual([]);
	});

	test('edges leaving one step part at separate ports, in the order of their targets', () => {
		const flow = flows.find(([file]) => file.endsWith('minor-safety-live.mdx'))![1];
		const layout = layoutFlow(flow);
		const out = layout.edges.filter((edge) => !edge.loop && edge.from.node.id === 'exploitation');
		const starts = out.map((edge) => edge.segments[0]!.from.x);
		expect(new Set(starts).size).toBe(out.length);
		const byTarget = [...out].sort((a, b) => a.to.x - b.to.x).map((edge) => edge.segments[0]!.from.x);
		expect(byTarget).toEqual([...byTarget].sort((a, b) => a - b));
	});

	test('the check itself finds a label that a line crosses', () => {
		const flow = flows.find(([file]) => file.endsWith('minor-safety-live.mdx'))![1];
		const layout = layoutFlow(flow);
		const edge = layout.edges.find((e) => e.when)!;
		const other = layout.edges.find((e) => e !== edge)!;
		// Move the label onto the middle of another edge's first curve.
		const mid = samples(other)[24]!;
		edge.label = { ...edge.label!, x: mid.x, y: mid.y };
		expect(collisions(layout).some((line) => line.includes('is crossed by the edge'))).toBe(true);
	});
});
