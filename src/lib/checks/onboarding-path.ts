/**
 * Onboarding paths: each item is a page to read or a quiz to pass, one of the two; and a path in
 * force sends its readers only to documents in force — a draft is named only by a path that is a
 * draft itself. Either-or rules of the handbook are checks like this one rather than schema
 * refinements, so that one wrong item does not hide every other error in the file.
 */
import { isDraft, isLiveDocument } from '../../schemas/page.ts';
import { salvagedWith, type Handbook, type Report } from './handbook.ts';
import { translationsToCheck } from './translations.ts';

export function checkOnboardingPaths(handbook: Handbook, report: Report): void {
	const drafts = new Set(handbook.pages.flatMap((page) => (isLiveDocument(page.data) && isDraft(page.data) ? [page.data.id] : [])));
	for (const page of [...handbook.pages, ...translationsToCheck(handbook), ...salvagedWith(handbook, ['days', 'status'])]) {
		const path = page.data;
		if (path.kind !== 'onboarding-path' || path.archived_of) continue;
		path.days.forEach((day, d) =>
			day.items.forEach((item, i) => {
				const at = ['days', d, 'items', i];
				if (item.page !== undefined && item.quiz !== undefined) {
					report.at(page, at, 'has both page: and quiz:; an item is a page to read or a quiz to pass, so split it in two');
				} else if (item.page === undefined && item.quiz === undefined) {
					report.at(page, at, 'needs page: (the id of a page to read) or quiz: (the id of a labeling spec whose quiz to pass)');
				}
				if (path.status === 'draft') return;
				for (const key of ['page', 'quiz'] as const) {
					const id = item[key];
					if (id !== undefined && drafts.has(id)) {
						report.at(
							page,
							[...at, key],
							`"${id}" is a draft, not in force${key === 'quiz' ? ', and has no quiz yet' : ''}: a path in force sends readers only to documents in force. Take the item out until ${id} is active, or make the path a draft too`,
						);
					}
				}
			}),
		);
	}
}
