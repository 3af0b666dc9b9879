import { z } from 'astro/zod';
import { kebabId, snakeId, audienceField } from './common.ts';

/** A metric of the catalog: one definition, used by every chart, table and tile that shows it. */
export const metric = z.object({
	/** Stable snake_case id, used by metric reviews and `<MetricChart metric="…">`. */
	id: snakeId,
	/** The name readers see, e.g. "Escalation-to-agent rate". */
	name: z.string().min(1),
	/** What the metric means, in one or two sentences. */
	definition: z.string().min(1),
	/** The dataset (id) whose snapshots the metric is computed from. */
	dataset: snakeId,
	/**
	 * SQL over one row's measures, summed over the slice: `audited_correct`, or
	 * `sessions - escalated_to_agent`. Ratios are sums over the slice, never means of row ratios.
	 */
	numerator: z.string().min(1),
	/** SQL over one row's measures, summed over the slice; the metric is numerator / denominator. */
	denominator: z.string().min(1),
	/** What the numerator counts, as a table's column header, e.g. "Escalated sessions". */
	numerator_label: z.string().min(1).optional(),
	/** What the denominator counts, as a table's column header, e.g. "Sessions". */
	denominator_label: z.string().min(1).optional(),
	/** How values read: `ratio` as a percentage, `count`, `hours`, or a `score` such as kappa. */
	unit: z.enum(['ratio', 'count', 'hours', 'score']),
	/** Whether a rise is good news. */
	direction: z.enum(['higher_is_better', 'lower_is_better']),
	/** The value the owner aims for. */
	target: z.number().optional(),
	/** Where the status turns to warn and to critical (below them, or above for lower-is-better). */
	thresholds: z
		.object({
			/** Worse than this (lower, or higher for lower-is-better metrics), the status is `warn`. */
			warn: z.number(),
			/** Worse than this, the status is `critical`. */
			critical: z.number(),
		})
		.optional(),
	/** Dimension columns of the dataset the metric may be cut by. */
	dimensions: z.array(snakeId).default([]),
	/** The team id accountable for the metric. */
	owner: kebabId,
	/**
	 * Ids of the specs and reply scripts whose changes move this metric; their versions are marked
	 * on its charts.
	 */
	depends_on: z.array(kebabId).default([]),
	/** What the number does not say: sampling, exclusions, known biases. */
	caveats: z.string().optional(),
	/** Who besides the staff may see the metric (audience ids, or `vendors`); absent: internal only. */
	audience: audienceField,
});

/** `src/content/metrics.yaml`: the metric catalog, in one list. */
export const metrics = z.array(metric).min(1);

export type Metric = z.output<typeof metric>;
