/**
 * Dataset declarations are consistent: unique column names, exactly one time column, constraints
 * and privacy settings that name measures and dimensions of the dataset, and a rollup only where
 * every measure can be added up.
 */
import { otherValue } from '../../schemas/dataset.ts';
import { datasetIdMismatch } from '../content/datasets.ts';
import type { Handbook, Report } from './handbook.ts';
import { duplicates, hint } from './suggest.ts';

export function checkDatasets(handbook: Handbook, report: Report): void {
	for (const entry of handbook.datasets) {
		const { data } = entry;
		const mismatch = datasetIdMismatch(entry.file, data.id);
		if (mismatch) report.at(entry, ['id'], mismatch);
		for (const { index, first } of duplicates(data.columns, (column) => column.name)) {
			report.at(entry, ['columns', index, 'name'], `column "${data.columns[index]!.name}" is declared twice (first at line ${entry.source.locate(['columns', first, 'name']).line})`);
		}
		const times = data.columns.flatMap((column, i) => (column.role === 'time' ? [i] : []));
		if (times.length !== 1) report.at(entry, ['columns'], `a dataset has exactly one column with role: time, found ${times.length}`);
		for (const i of times) {
			if (data.columns[i]!.type !== 'DATE') report.at(entry, ['columns', i, 'type'], `the time column must be a DATE, found ${data.columns[i]!.type}`);
		}
		data.columns.forEach((column, i) => {
			if (!column.domain) return;
			if (column.role !== 'dimension' || column.type !== 'VARCHAR') {
				report.at(entry, ['columns', i, 'domain'], `only a VARCHAR dimension may declare a domain; "${column.name}" is a ${column.type} ${column.role}`);
			}
			for (const { index, first } of duplicates(column.domain, (value) => value)) {
				report.at(entry, ['columns', i, 'domain', index], `"${column.domain[index]}" is listed twice in the domain of "${column.name}" (also item ${first + 1})`);
			}
			if (column.name === data.privacy.rollup_dimension && column.domain.includes(otherValue)) {
				report.at(entry, ['columns', i, 'domain'], `"${otherValue}" is what small rows are rolled up into; it cannot be a value of the export`);
			}
		});
		const measures = data.columns.filter((c) => c.role === 'measure').map((c) => c.name);
		const dimensions = data.columns.filter((c) => c.role === 'dimension').map((c) => c.name);
		data.constraints.forEach((constraint, i) => {
			for (const side of ['part', 'whole'] as const) {
				if (!measures.includes(constraint[side])) report.at(entry, ['constraints', i, side], `"${constraint[side]}" is not a measure of ${data.id}${hint(constraint[side], measures)}`);
			}
		});
		const { privacy } = data;
		if (privacy.cell_measure && !measures.includes(privacy.cell_measure)) {
			report.at(entry, ['privacy', 'cell_measure'], `"${privacy.cell_measure}" is not a measure of ${data.id}${hint(privacy.cell_measure, measures)}`);
		}
		if (privacy.min_cell_size > 0 && !privacy.cell_measure) {
			report.at(entry, ['privacy', 'min_cell_size'], 'a minimum cell size needs privacy.cell_measure: the measure that counts the people or items behind a row');
		}
		if (privacy.small_cells === 'rollup') {
			if (!privacy.rollup_dimension || !dimensions.includes(privacy.rollup_dimension)) {
				report.at(entry, ['privacy', privacy.rollup_dimension ? 'rollup_dimension' : 'small_cells'], `small_cells: rollup needs rollup_dimension, one of the dimensions ${dimensions.join(', ')}`);
			}
			const doubles = data.columns.filter((c) => c.role === 'measure' && c.type !== 'BIGINT').map((c) => c.name);
			if (doubles.length > 0) report.at(entry, ['privacy', 'small_cells'], `small rows cannot be rolled up: ${doubles.join(', ')} cannot be added up; use small_cells: drop`);
		}
	}
}
