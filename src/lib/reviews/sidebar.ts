/**
 * The sidebar of review series: Starlight turns each `reviews/<series>/` folder into a group named
 * after the folder, holding the index and every dated review — a list that grows by one a week.
 * Each such group becomes one link, to the series index (which lists every review), current while
 * the reader is on any review of the series.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type Entry = StarlightRouteData['sidebar'][number];

export function collapseSeries(entries: Entry[]): Entry[] {
	return entries.map((entry) => {
		if (entry.type !== 'group') return entry;
		// Runs for every group on every page: a string test, not a RegExp built each time.
		const href = `/reviews/${entry.label}/`;
		const index = entry.entries.find((child) => child.type === 'link' && child.href.endsWith(href));
		if (!index || index.type !== 'link') return { ...entry, entries: collapseSeries(entry.entries) };
		const current = entry.entries.some((child) => child.type === 'link' && child.isCurrent);
		return { ...index, isCurrent: current };
	});
}
