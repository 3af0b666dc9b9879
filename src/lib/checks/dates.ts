/**
 * Dates that must agree: a page comes into force before it is due for review, a review covers a
 * period that ends after it starts, and a page past its review date is stale (a warning; an error
 * with `--strict`).
 */
import { isLiveDocument } from '../../schemas/page.ts';
import { daysFrom, isStale } from '../stale.ts';
import { salvagedWith, type Handbook, type Report } from './handbook.ts';

export function checkDates(handbook: Handbook, report: Report, options: { today: string; strict: boolean }): void {
	for (const page of [...handbook.pages, ...salvagedWith(handbook, ['effective', 'review_by']).filter((page) => !page.locale)]) {
		const data = page.data;
		if (!isLiveDocument(data)) continue;
		if (data.effective > data.review_by) {
			report.at(page, ['review_by'], `review_by ${data.review_by} is before effective ${data.effective}`);
		}
		// A salvaged review whose period failed its schema has none to compare.
		if (data.kind === 'metric-review' && data.period && data.period.start > data.period.end) {
			report.at(page, ['period', 'end'], `the period ends (${data.period.end}) before it starts (${data.period.start})`);
		}
		if (isStale(data, options.today)) {
			const days = daysFrom(data.review_by, options.today);
			report.at(
				page,
				['review_by'],
				`stale: the review was due on ${data.review_by} (${days} day${days === 1 ? '' : 's'} ago); review the page, then move review_by forward`,
				options.strict ? 'error' : 'warning',
			);
		}
	}
}
