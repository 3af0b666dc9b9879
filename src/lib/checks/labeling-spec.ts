/**
 * Labeling specs: label ids unique, a positive and a negative example for every label, a decision
 * tree whose leaves are this spec's labels, and every label reachable through the tree.
 */
import type { DataOf } from '../../schemas/page.ts';
import type { DecisionNode } from '../../schemas/labeling-spec.ts';
import { salvagedWith, type Handbook, type Page, type Report } from './handbook.ts';
import { translationsToCheck } from './translations.ts';
import { duplicates, hint } from './suggest.ts';

export function checkLabelingSpecs(handbook: Handbook, report: Report): void {
	for (const page of [...handbook.pages, ...translationsToCheck(handbook), ...salvagedWith(handbook, ['labels', 'decision_tree'])]) {
		if (page.data.kind === 'labeling-spec' && !page.data.archived_of) checkSpec(page, page.data, report);
	}
}

function checkSpec(page: Page, spec: DataOf<'labeling-spec'>, report: Report): void {
	const labelIds = new Set(spec.labels.map((label) => label.id));
	for (const { index, first } of duplicates(spec.labels, (label) => label.id)) {
		report.at(page, ['labels', index, 'id'], `label id "${spec.labels[index]!.id}" is used twice (first at line ${page.source.locate(['labels', first, 'id']).line})`);
	}
	spec.labels.forEach((label, i) => {
		const positive = label.examples.filter((example) => example.verdict === 'positive').length;
		const negative = label.examples.filter((example) => example.verdict === 'negative').length;
		if (positive === 0 || negative === 0) {
			report.at(
				page,
				['labels', i, 'examples'],
				`label "${label.id}" needs at least one positive and one negative example (has ${positive} positive, ${negative} negative)`,
			);
		}
	});
	if (!spec.decision_tree) return;

	const leaves = new Set<string>();
	const walk = (node: DecisionNode, path: PropertyKey[]) => {
		node.answers.forEach((answer, i) => {
			const at = [...path, 'answers', i];
			if (answer.label !== undefined && answer.next !== undefined) {
				report.at(page, at, `answer "${answer.answer}" has both "label" and "next"; it leads to one of them`);
			} else if (answer.label === undefined && answer.next === undefined) {
				report.at(page, at, `answer "${answer.answer}" leads nowhere; give it a "label" or a "next" question`);
			}
			if (answer.label !== undefined) {
				leaves.add(answer.label);
				if (!labelIds.has(answer.label)) report.at(page, [...at, 'label'], `no label "${answer.label}" in this spec${hint(answer.label, labelIds)}`);
			}
			if (answer.next) walk(answer.next, [...at, 'next']);
		});
	};
	walk(spec.decision_tree, ['decision_tree']);
	spec.labels.forEach((label, i) => {
		if (!leaves.has(label.id)) {
			report.at(page, ['labels', i, 'id'], `label "${label.id}" is not a leaf of the decision tree, so no labeler reaches it`);
		}
	});
}
