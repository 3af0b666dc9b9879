/**
 * Where a value stands against its metric's target and thresholds, told the same way everywhere:
 * by a status name, a symbol and words, never by colour alone.
 */
import type { Metric } from '../../schemas/metric.ts';

export type Status = 'on-target' | 'below-target' | 'warn' | 'critical' | 'none';

export const statusText: Record<Status, { label: string; symbol: string }> = {
	'on-target': { label: 'On target', symbol: '✓' },
	'below-target': { label: 'Short of target', symbol: '◐' },
	warn: { label: 'Warning', symbol: '▲' },
	critical: { label: 'Critical', symbol: '✕' },
	none: { label: 'No target', symbol: '·' },
};

/**
 * `critical` when worse than the critical threshold, `warn` when worse than the warning one,
 * `on-target` at or better than the target, `below-target` in between. A value exactly at a
 * threshold is not yet past it. "Worse" and "better" follow the metric's direction.
 */
export function statusOf(value: number | null, metric: Pick<Metric, 'direction' | 'target' | 'thresholds'>): Status {
	if (value === null || Number.isNaN(value)) return 'none';
	const better = (a: number, b: number) => (metric.direction === 'higher_is_better' ? a >= b : a <= b);
	const { thresholds, target } = metric;
	if (thresholds && !better(value, thresholds.critical)) return 'critical';
	if (thresholds && !better(value, thresholds.warn)) return 'warn';
	if (target === undefined) return thresholds ? 'on-target' : 'none';
	return better(value, target) ? 'on-target' : 'below-target';
}

/** The change from `previous` to `current` in the metric's own terms, and whether it is good news. */
export function changeOf(current: number | null, previous: number | null, metric: Pick<Metric, 'direction' | 'unit'>) {
	if (current === null || previous === null) return undefined;
	const delta = current - previous;
	const improved = delta === 0 ? undefined : metric.direction === 'higher_is_better' ? delta > 0 : delta < 0;
	return { delta, improved };
}
