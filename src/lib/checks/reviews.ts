/**
 * Review series: a dated review is named after the day its period ends, and nothing is published
 * while its commentary still holds the placeholder `npm run new-review` left for the owner.
 */
import { commentaryPlaceholder, seriesOfId } from '../reviews/series.ts';
import { paths, type Handbook, type Report } from './handbook.ts';

export function checkReviews(handbook: Handbook, report: Report): void {
	for (const page of handbook.pages) {
		const place = seriesOfId(page.file.slice(paths.docs.length + 1));
		const data = page.data as { kind?: string; period?: { end: string } };
		if (place?.date) {
			if (data.kind !== 'metric-review') {
				report.at(page, ['kind'], `a dated page of review series "${place.series}" is a metric review, found ${data.kind ? `kind "${data.kind}"` : 'a plain page'}`);
			} else if (data.period && data.period.end !== place.date) {
				report.at(page, ['period', 'end'], `a review of series "${place.series}" is named after the day its period ends: expected ${place.date} (the file name), found ${data.period.end}; rename the file or fix the period`);
			}
		}
		if (data.kind !== 'metric-review') continue;
		const at = page.body.indexOf(commentaryPlaceholder);
		if (at < 0) continue;
		const before = page.body.slice(0, at);
		report.add(
			page.file,
			page.bodyLine + (before.match(/\n/g)?.length ?? 0),
			at - before.lastIndexOf('\n'),
			'',
			`the commentary is still the placeholder npm run new-review left: write what moved and why (each figure as <Value metric="…" />), then delete the ${commentaryPlaceholder} line`,
		);
	}
}
