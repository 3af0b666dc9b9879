import { z } from 'astro/zod';
import { commonFields, kebabId } from './common.ts';

/** One numbered step of the procedure. */
export const sopStep = z.object({
	/** Step id, unique within the procedure; links point at `#step-<id>`. */
	id: kebabId,
	/** What to do. */
	text: z.string().min(1),
	/** The team id responsible for the step. */
	owner: kebabId,
	/** The observable condition that ends the step. */
	done_when: z.string().min(1),
});

/** A standard operating procedure. */
export const sop = z.object({
	/** Says the page is a standard operating procedure, and which schema and component apply. */
	kind: z.literal('sop'),
	...commonFields,
	/** The steps, in the order they are done. */
	steps: z.array(sopStep).min(1),
	/** Who is Responsible, Accountable, Consulted and Informed, by team id. */
	raci: z
		.object({
			/** The teams that do the work. */
			responsible: z.array(kebabId).min(1),
			/** The one team that answers for the outcome. */
			accountable: kebabId,
			/** The teams asked before a decision. */
			consulted: z.array(kebabId).default([]),
			/** The teams told after it. */
			informed: z.array(kebabId).default([]),
		})
		.optional(),
	/** Page ids of the specs and flows this procedure relies on. */
	related: z.array(kebabId).default([]),
});

export type Sop = z.output<typeof sop>;
