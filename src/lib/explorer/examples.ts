/**
 * Example queries of the data explorer, written from the metric catalog: the dataset's size and
 * time range, and each of its metrics — sum of the numerator over sum of the denominator, as every
 * chart computes it — by week and by its first dimension. Plain DuckDB SQL over the table named
 * after the dataset, so a reader can read, change and share them.
 */
import type { Dataset } from '../../schemas/dataset.ts';
import type { Metric } from '../../schemas/metric.ts';
import { checkedExpression } from '../query/metric-sql.ts';
import { readableName as name } from '../query/quote.ts';

export interface ExampleQuery {
	/** What the example shows: the table's size, a metric by week, or a metric by a dimension. */
	kind: 'rows' | 'metric' | 'metricBy';
	/** The metric's name, for `metric` and `metricBy`. */
	metric?: string;
	/** The dimension, for `metricBy`. */
	dimension?: string;
	sql: string;
}

export function exampleQueries(dataset: Dataset, metrics: readonly Metric[]): ExampleQuery[] {
	const table = name(dataset.id);
	const time = dataset.columns.find((column) => column.role === 'time')?.name;
	const examples: ExampleQuery[] = [
		{
			kind: 'rows',
			sql: [`select count(*) as rows${time ? `, min(${name(time)}) as first_day, max(${name(time)}) as last_day` : ''}`, `from ${table}`].join('\n'),
		},
	];
	for (const metric of metrics.filter((candidate) => candidate.dataset === dataset.id)) {
		// The catalog's formulas go into SQL a reader runs: the SQL builder's grammar guards them here too.
		const [numerator, denominator] = [checkedExpression(metric.numerator), checkedExpression(metric.denominator)];
		const ratio = `sum(${numerator}) / sum(${denominator}) as ${name(metric.id)}`;
		if (time) {
			examples.push({
				kind: 'metric',
				metric: metric.name,
				sql: [`select date_trunc('week', ${name(time)}) as week_start,`, `  ${ratio}`, `from ${table}`, 'group by all', 'order by all'].join('\n'),
			});
		}
		const dimension = metric.dimensions[0];
		if (dimension) {
			examples.push({
				kind: 'metricBy',
				metric: metric.name,
				dimension,
				sql: [`select ${name(dimension)},`, `  ${ratio},`, `  sum(${denominator}) as ${name(`${metric.id}_denominator`)}`, `from ${table}`, 'group by all', `order by ${name(metric.id)} desc`].join('\n'),
			});
		}
	}
	return examples;
}

/** The query the workbench opens with. */
export const defaultQuery = (dataset: string) => `select *\nfrom ${name(dataset)}\nlimit 100`;
