import { z } from 'astro/zod';
import { commonFields, duration, kebabId } from './common.ts';

/** One step of the flow. */
export const flowNode = z.object({
	/** Node id, unique within the flow; edges refer to it. */
	id: kebabId,
	/** `start` is the report or detection; `handoff` passes the case to another team. */
	type: z.enum(['start', 'decision', 'action', 'handoff', 'end']),
	/** What happens, or the question asked, at this step. */
	text: z.string().min(1),
	/** The team id that owns the step. */
	team: kebabId.optional(),
	/** How long the step may take. */
	sla: duration.optional(),
});

/** A transition between two nodes. */
export const flowEdge = z.object({
	/** The id of the node the transition leaves. */
	from: kebabId,
	/** The id of the node it leads to. */
	to: kebabId,
	/** The condition under which the transition is taken (an answer of a decision). */
	when: z.string().optional(),
	/** Marks an edge that closes an intended loop, so the cycle check accepts it. */
	loop: z.boolean().default(false),
});

/** An escalation flow: from a report to the teams that must act, with SLAs. */
export const escalationFlow = z.object({
	/** Says the page is an escalation flow, and which schema and component apply. */
	kind: z.literal('escalation-flow'),
	...commonFields,
	/** The steps, from the one `start` to the `end`s. */
	nodes: z.array(flowNode).min(2),
	/** The transitions between steps; every step but the ends needs a way out. */
	edges: z.array(flowEdge).min(1),
	/** Severity levels with what qualifies and how fast the case must be acknowledged. */
	severity_levels: z
		.array(
			z.object({
				/** The level's name, e.g. `SEV1`. */
				level: z.string(),
				/** What qualifies a case for this level. */
				meaning: z.string(),
				/** How soon a case at this level must be acknowledged, e.g. `15m`. */
				acknowledge: duration,
			}),
		)
		.default([]),
});

export type EscalationFlow = z.output<typeof escalationFlow>;
