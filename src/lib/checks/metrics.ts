/**
 * The metric catalog resolves against the datasets: each metric's dataset exists, its numerator and
 * denominator name only measure columns of that dataset, its dimensions are dimension columns,
 * thresholds sit on the right side of the target, and every metric a review names is in the catalog.
 */
import type { Metric } from '../../schemas/metric.ts';
import type { Handbook, Located, Report } from './handbook.ts';
import { paths, salvagedWith } from './handbook.ts';
import { columnsOf, expressionProblem } from '../query/metric-sql.ts';
import { duplicates, hint } from './suggest.ts';

export function checkMetrics(handbook: Handbook, report: Report): void {
	const catalog = handbook.metrics;
	if (catalog) checkCatalog(handbook, catalog, report);
	if (handbook.failed.has(paths.metrics)) return;
	const ids = new Set(catalog?.data.map((m) => m.id) ?? []);
	for (const page of [...handbook.pages, ...salvagedWith(handbook, ['metrics'])]) {
		if (page.data.kind !== 'metric-review') continue;
		page.data.metrics.forEach((id, i) => {
			if (!ids.has(id)) report.at(page, ['metrics', i], `no metric "${id}" in ${paths.metrics}${hint(id, ids)}`);
		});
	}
}

function checkCatalog(handbook: Handbook, catalog: Located<Metric[]>, report: Report): void {
	const datasets = new Map(handbook.datasets.map((entry) => [entry.data.id, entry.data]));
	const datasetsComplete = ![...handbook.failed].some((file) => file.startsWith(`${paths.datasets}/`));
	const teams = new Set(handbook.teams?.data.map((team) => team.id) ?? []);
	for (const { index, first } of duplicates(catalog.data, (m) => m.id)) {
		report.at(catalog, [index, 'id'], `metric id "${catalog.data[index]!.id}" is used twice (first at line ${catalog.source.locate([first, 'id']).line})`);
	}
	const pageIds = new Set(handbook.pages.flatMap((page) => ('id' in page.data && typeof page.data.id === 'string' ? [page.data.id] : [])));
	const pagesComplete = ![...handbook.failed].some((file) => file.startsWith(`${paths.docs}/`));
	catalog.data.forEach((metric, i) => {
		metric.depends_on.forEach((id, j) => {
			if (pagesComplete && !pageIds.has(id)) report.at(catalog, [i, 'depends_on', j], `no page with id "${id}"${hint(id, pageIds)}`);
		});
		if (handbook.teams && !teams.has(metric.owner)) report.at(catalog, [i, 'owner'], `no team "${metric.owner}" in ${paths.teams}${hint(metric.owner, teams)}`);
		const dataset = datasets.get(metric.dataset);
		if (!dataset) {
			if (datasetsComplete) report.at(catalog, [i, 'dataset'], `no dataset "${metric.dataset}" in ${paths.datasets}/${hint(metric.dataset, datasets.keys())}`);
			return;
		}
		const measures = dataset.columns.filter((c) => c.role === 'measure').map((c) => c.name);
		for (const part of ['numerator', 'denominator'] as const) {
			const problem = expressionProblem(metric[part]);
			if (problem) {
				report.at(catalog, [i, part], problem);
				continue;
			}
			for (const column of columnsOf(metric[part])) {
				if (!measures.includes(column)) {
					report.at(catalog, [i, part], `uses "${column}", which is not a measure of ${dataset.id}${hint(column, measures)}`);
				}
			}
		}
		const dimensions = dataset.columns.filter((c) => c.role === 'dimension').map((c) => c.name);
		metric.dimensions.forEach((dimension, j) => {
			if (!dimensions.includes(dimension)) report.at(catalog, [i, 'dimensions', j], `"${dimension}" is not a dimension of ${dataset.id}${hint(dimension, dimensions)}`);
		});
		const { target, thresholds } = metric;
		if (thresholds) {
			const higher = metric.direction === 'higher_is_better';
			const ordered = higher ? thresholds.critical <= thresholds.warn && (target === undefined || thresholds.warn <= target) : thresholds.critical >= thresholds.warn && (target === undefined || thresholds.warn >= target);
			if (!ordered) {
				const expected = higher ? 'critical ≤ warn ≤ target' : 'critical ≥ warn ≥ target';
				report.at(catalog, [i, 'thresholds'], `for a ${metric.direction.replaceAll('_', ' ')} metric, expected ${expected}; found critical ${thresholds.critical}, warn ${thresholds.warn}${target === undefined ? '' : `, target ${target}`}`);
			}
		}
	});
}
