/** Date ranges of reviews: a period, and the one of the same length just before it. */

const dayMs = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Period {
	start: string;
	end: string;
}

/** The period of the same number of days that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
	const days = Math.round((day(period.end) - day(period.start)) / dayMs) + 1;
	const end = day(period.start) - dayMs;
	return { start: iso(end - (days - 1) * dayMs), end: iso(end) };
}

/** "9–15 Nov 2026" as the review pages write a period, or "2026年11月9日–15日" for `lang` zh-*. */
// One formatter for every call: `toLocaleString` with options builds a new one each time, which
// was a visible share of rendering the reviews' tiles.
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

export function formatPeriod(period: Period, lang = 'en'): string {
	const [start, end] = [new Date(day(period.start)), new Date(day(period.end))];
	const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
	const sameMonth = sameYear && start.getUTCMonth() === end.getUTCMonth();
	if (lang.toLowerCase().startsWith('zh')) {
		const full = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
		if (period.start === period.end) return full(start);
		return `${full(start)}–${sameMonth ? '' : sameYear ? `${end.getUTCMonth() + 1}月` : `${end.getUTCFullYear()}年${end.getUTCMonth() + 1}月`}${end.getUTCDate()}日`;
	}
	const month = (d: Date) => shortMonth.format(d);
	if (period.start === period.end) return `${start.getUTCDate()} ${month(start)} ${start.getUTCFullYear()}`;
	return sameMonth
		? `${start.getUTCDate()}–${end.getUTCDate()} ${month(end)} ${end.getUTCFullYear()}`
		: `${start.getUTCDate()} ${month(start)} – ${end.getUTCDate()} ${month(end)} ${end.getUTCFullYear()}`;
}
