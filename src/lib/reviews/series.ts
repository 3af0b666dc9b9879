/**
 * Review series: a metric review is one dated page of a series, `reviews/<series>/<YYYY-MM-DD>.mdx`
 * (the day its period ends), beside the series' index page `reviews/<series>/index.mdx`. The folder
 * is the series; the file name says which week. Plain functions over page ids and data, used by the
 * validator, the series index, the review header and `npm run new-review`.
 */

/** Where series live, under the docs folder. */
export const reviewsDir = 'reviews';

/** A page id's place in a series: `reviews/bot-service/2026-11-15` → bot-service, 2026-11-15; the index has no date. */
export function seriesOfId(id: string): { series: string; date?: string } | undefined {
	const match = /^reviews\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/(\d{4}-\d{2}-\d{2}))?\/?$/.exec(id.replace(/\.mdx?$/, '').replace(/\/index$/, ''));
	return match ? { series: match[1]!, ...(match[2] ? { date: match[2] } : {}) } : undefined;
}

/** What the series index, the header and new-review read of each review. */
export interface SeriesReview {
	/** The page's collection id, e.g. `reviews/bot-service/2026-11-15`. */
	id: string;
	date: string;
	title: string;
	period: { start: string; end: string; grain: string };
	snapshot: string;
	metrics: string[];
}

/** The reviews of `series` among `pages` (collection id and data), newest first. */
export function seriesReviews(pages: readonly { id: string; data: Record<string, unknown> }[], series: string): SeriesReview[] {
	return pages
		.flatMap((page) => {
			const place = seriesOfId(page.id);
			const data = page.data as { kind?: string; title: string; period?: SeriesReview['period']; snapshot?: string; metrics?: string[] };
			if (place?.series !== series || !place.date || data.kind !== 'metric-review' || !data.period || !data.snapshot) return [];
			return [{ id: page.id, date: place.date, title: data.title, period: data.period, snapshot: data.snapshot, metrics: data.metrics ?? [] }];
		})
		.sort((a, b) => b.date.localeCompare(a.date));
}

/** The reviews just before and after `id` in a newest-first list. */
export function neighbours(reviews: SeriesReview[], id: string): { previous?: SeriesReview; next?: SeriesReview } {
	const at = reviews.findIndex((review) => review.id === id);
	return at < 0 ? {} : { previous: reviews[at + 1], next: reviews[at - 1] };
}

/** The placeholder `npm run new-review` leaves for the owner's commentary; the validator refuses a page that still holds it. */
export const commentaryPlaceholder = 'TODO(commentary)';
