import { z } from 'astro/zod';
import { commonFields, kebabId } from './common.ts';

/**
 * One thing to read or do on a day of the path: a page to read, or a spec's quiz to pass — exactly
 * one of `page` and `quiz`, which the validator checks with the path's other rules
 * (src/lib/checks/onboarding-path.ts), so that a wrong item does not hide the path's other errors.
 */
export const pathItem = z.object({
	/** The id of the handbook page to read. */
	page: kebabId.optional(),
	/** The id of a labeling spec whose calibration quiz the reader passes. */
	quiz: kebabId.optional(),
	/** What to take from it, in one sentence. */
	why: z.string().min(1),
	/** Roughly how long it takes, in minutes. */
	minutes: z.number().int().positive().optional(),
});

/** A learning path for a new team member or a newly onboarded vendor team. */
export const onboardingPath = z.object({
	/** Says the page is an onboarding path, and which schema and component apply. */
	kind: z.literal('onboarding-path'),
	...commonFields,
	/**
	 * Who the path is for, in words, e.g. "new vendor labelers on the LIVE queues". (Who may read
	 * it is `audience`, as on every page.)
	 */
	learners: z.string().min(1),
	/** The days of the path, in order, each with its items. */
	days: z
		.array(
			z.object({
				/** What the day is about. */
				title: z.string().min(1),
				/** What to read or pass that day, in order. */
				items: z.array(pathItem).min(1),
			}),
		)
		.min(1),
});

export type OnboardingPath = z.output<typeof onboardingPath>;
export type PathItem = z.output<typeof pathItem>;
