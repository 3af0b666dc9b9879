import { z } from 'astro/zod';
import { audienceField, commonFields, duration, kebabId, snakeId } from './common.ts';

/** A worked example of a label, written synthetically: never real harmful content. */
export const labelExample = z.object({
	/** The item as a labeler sees it, described in words. */
	text: z.string().min(1),
	/** Whether the item is an instance of the label. */
	verdict: z.enum(['positive', 'negative', 'borderline']),
	/** Why the verdict holds, citing the definition. */
	rationale: z.string().min(1),
	/** Whether the calibration quiz may ask this example (positive examples only are asked). */
	quiz: z.boolean().default(true),
});

/** One label of the spec's taxonomy. */
export const label = z.object({
	/** Stable snake_case id, used by decision-tree leaves and reply-script intents. */
	id: snakeId,
	/** Human-readable name. */
	name: z.string().min(1),
	/** One-sentence definition of what the label covers. */
	definition: z.string().min(1),
	/** What the label does not cover, to separate it from its neighbours. */
	not: z.string().optional(),
	/** Severity, from `low` to `critical`, which drives queue priority and escalation. */
	severity: z.enum(['low', 'medium', 'high', 'critical']),
	/** Worked examples: at least one positive and one negative. */
	examples: z.array(labelExample).default([]),
});

/** A node of the decision tree: a question with answers, each leading to a node or a label. */
export type DecisionNode = {
	question: string;
	answers: { answer: string; next?: DecisionNode; label?: string }[];
};

/** The decision tree a labeler walks top-down; leaves are label ids of this spec. */
export const decisionNode: z.ZodType<DecisionNode> = z.lazy(() =>
	z.object({
		/** The yes/no or multiple-choice question asked at this node. */
		question: z.string().min(1),
		/** Each answer leads either to another question (`next`) or to a label (`label`). */
		answers: z
			.array(
				z.object({
					/** The answer as the labeler reads it. */
					answer: z.string().min(1),
					/** The question asked next after this answer. */
					next: decisionNode.optional(),
					/** The label id this answer ends at: a leaf of the tree. */
					label: snakeId.optional(),
				}),
			)
			.min(2),
	}),
);

/** A labeling spec (annotation guideline) for one queue. */
export const labelingSpec = z.object({
	/** Says the page is a labeling spec, and which schema and component apply. */
	kind: z.literal('labeling-spec'),
	...commonFields,
	/**
	 * What the labels classify: `content` items in a moderation queue, or user `intent`s of the
	 * service bot (reply scripts answer intents of such a spec).
	 */
	taxonomy: z.enum(['content', 'intent']).default('content'),
	/** The labeling queue the spec applies to, e.g. `live-gifting`. */
	queue: kebabId,
	/** The labels of the taxonomy. */
	labels: z.array(label).min(1),
	/** The decision tree whose leaves are this spec's labels. */
	decision_tree: decisionNode.optional(),
	/** Hard cases and how to decide them. */
	edge_cases: z
		.array(
			z.object({
				/** The hard case, described in words. */
				case: z.string(),
				/** How to label it, and why. */
				decision: z.string(),
				/**
				 * Who besides the staff may read this case, when the page is also for others; absent: all
				 * who may read the page. `[internal]` keeps, say, a fraud signal out of vendors' sites.
				 */
				audience: audienceField,
			}),
		)
		.default([]),
	/** How long an item may wait in the queue before it is labeled, e.g. `4h`. */
	queue_sla: duration.optional(),
	/** Agreement the queue is held to, checked in the labeling-quality review. */
	targets: z
		.object({
			/** The share of QA-sampled items whose label the QA reviewer agrees with (0–1); also the quiz's pass mark. */
			qa_agreement: z.number().min(0).max(1).optional(),
			/** Cohen's kappa between labelers and QA (−1–1; above 0.6 is substantial agreement). */
			kappa: z.number().min(-1).max(1).optional(),
		})
		.optional(),
	/** The escalation flow (page id) for items a labeler cannot or must not decide. */
	escalates_to: kebabId.optional(),
});

export type LabelingSpec = z.output<typeof labelingSpec>;
export type Label = z.output<typeof label>;
