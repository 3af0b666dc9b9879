import { z } from 'astro/zod';
import { commonFields, isoDate, kebabId, snakeId } from './common.ts';
import { snapshotRef } from './snapshot-ref.ts';

export { snapshotRef } from './snapshot-ref.ts';

/** A periodic review of metrics, read by stakeholders. */
export const metricReview = z.object({
	/** Says the page is a metric review, and which schema and component apply. */
	kind: z.literal('metric-review'),
	...commonFields,
	/** The period the review covers. */
	period: z.object({
		/** The first day of the period. */
		start: isoDate,
		/** The last day of the period, included. */
		end: isoDate,
		/** The length of one period, which the change is compared against (the period before). */
		grain: z.enum(['week', 'month', 'quarter']),
	}),
	/** The snapshot every chart of the page reads. */
	snapshot: snapshotRef,
	/** Metric ids (from the metric catalog) the review discusses. */
	metrics: z.array(snakeId).min(1),
	/** The team (id) that meets over the review. (Who may read it is `audience`, as on every page.) */
	meeting: kebabId.optional(),
});

export type MetricReview = z.output<typeof metricReview>;
