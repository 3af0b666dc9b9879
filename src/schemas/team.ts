import { z } from 'astro/zod';
import { kebabId } from './common.ts';

/** A team that owns pages, steps and escalations. */
export const team = z.object({
	/** Stable id that pages use as `owner`, e.g. `ai-data-ops`. */
	id: kebabId,
	/** The team's name as people say it. */
	name: z.string().min(1),
	/** What the team does, in one sentence. */
	description: z.string().min(1),
	/** Where to reach the team: a chat channel or a mailing list. */
	contact: z.string().min(1),
	/** Code-host handles (`@name` or `@org/team`) who review changes to the team's pages. */
	reviewers: z.array(z.string().regex(/^@[\w.-]+(\/[\w.-]+)?$/, { error: 'expected a handle such as "@mika" or "@org/team"' })).default([]),
	/** An outside partner (e.g. a BPO vendor) rather than an in-house team. */
	external: z.boolean().default(false),
});

/** `src/content/teams.yaml`: every team, in one list. */
export const teams = z.array(team).min(1);

export type Team = z.output<typeof team>;
