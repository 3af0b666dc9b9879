/**
 * A metric's formula, checked where a component first takes the metric. Apart from
 * `metric-context.ts` so that it runs without Astro's content layer (and is tested so).
 */
import { AstroError } from 'astro/errors';
import type { Metric } from '../../schemas/metric.ts';
import { expressionProblem } from '../query/metric-sql.ts';

/**
 * The metric, once its numerator and denominator keep to the SQL builder's grammar. The builder
 * refuses them anyway; this says so as a component error with its fix, in `astro dev` too, where
 * the validator only warns and the page still renders.
 */
export function checkedFormula(metric: Metric, where: string): Metric {
	for (const part of ['numerator', 'denominator'] as const) {
		const problem = expressionProblem(metric[part]);
		if (problem) {
			throw new AstroError(`${where}: the ${part} of metric ${metric.id}, "${metric[part]}", ${problem}`, `Correct its \`${part}\` in src/content/metrics.yaml; \`npm run check\` reports it at its line.`);
		}
	}
	return metric;
}
