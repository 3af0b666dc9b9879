/**
 * When a document is due for review, on one clock. A document is stale once its `review_by` day
 * has passed, unless it is deprecated (kept for reference, not reviewed). The day is
 * `OPSBOOK_TODAY` when it is set — builds, tests and screenshots pin it — else today in UTC; the
 * validator, `npm run stale`, the ownership page and every owner card read it from here.
 */

const dayMs = 86_400_000;

/** Today as `YYYY-MM-DD`: `OPSBOOK_TODAY` when set, else the UTC date. */
export function today(): string {
	return process.env.OPSBOOK_TODAY ?? new Date().toISOString().slice(0, 10);
}

/** Whole days from `date` to `day` (negative when `date` is still ahead). */
export const daysFrom = (date: string, day: string) => Math.round((Date.parse(day) - Date.parse(date)) / dayMs);

/** Past its review date on `day`, and not deprecated. */
export const isStale = (doc: { status: string; review_by: string }, day: string) => doc.status !== 'deprecated' && doc.review_by < day;
