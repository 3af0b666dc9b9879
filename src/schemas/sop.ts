import { z } from 'astro/zod';
import { commonFields, kebabId } from './common.ts';

/** One numbered step of the procedure. */
export const sopStep = z.object({
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
	kind: z.literal('sop'),
	...commonFields,
	steps: z.array(sopStep).min(1),
	/** Who is Responsible, Accountable, Consulted and Informed, by team id. */
	raci: z
		.object({
			responsible: z.array(kebabId).min(1),
			accountable: kebabId,
			consulted: z.array(kebabId).default([]),
			informed: z.array(kebabId).default([]),
		})
		.optional(),
	/** Page ids of the specs and flows this procedure relies on. */
	related: z.array(kebabId).default([]),
});

export type Sop = z.output<typeof sop>;
