/**
 * The versions of the specs and reply scripts a metric depends on, as dated events for its charts:
 * a shift in the line can be read against the change that explains it. Runs only inside Astro.
 */
import { docsCollection } from './docs.ts';
import { hasVersionHistory, type PageData } from '../../schemas/page.ts';
import type { ChartEvent } from '../charts/trend.ts';
import { splitLocale } from '../i18n/locales.ts';

export async function specEvents(ids: readonly string[]): Promise<ChartEvent[]> {
	if (ids.length === 0) return [];
	const events: ChartEvent[] = [];
	for (const entry of (await docsCollection()).entries) {
		const data = entry.data as PageData;
		// Translations share their source's id and changelog: the English page stands for both.
		if (!hasVersionHistory(data) || !ids.includes(data.id) || splitLocale(entry.id).locale !== undefined) continue;
		for (const change of data.changelog) {
			events.push({ date: change.date, label: `${data.title.split(' — ')[0]} ${change.version}`, href: `/${entry.id}/`, summary: change.summary, title: data.title, version: change.version });
		}
	}
	return events.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}
