/**
 * Page ids → URLs, for components. Pages are referenced by their stable `id`, which need not match
 * their file name; this reads the docs collection, so it runs only inside Astro.
 */
import { getCollection } from 'astro:content';

let index: Promise<Map<string, { href: string; title: string; version: string }>> | undefined;

export function pageIndex() {
	index ??= getCollection('docs').then(
		(entries) =>
			new Map(
				entries.flatMap((entry) =>
					// Archived copies share their page's id; links go to the live page.
					'id' in entry.data && typeof entry.data.id === 'string' && !('archived_of' in entry.data && entry.data.archived_of)
						? [[entry.data.id, { href: `/${entry.id}/`, title: entry.data.title, version: 'version' in entry.data ? String(entry.data.version) : '' }] as const]
						: [],
				),
			),
	);
	return index;
}

/** The URL and title of the page with `id`; the validator guarantees it exists. */
export async function pageLink(id: string): Promise<{ href: string; title: string; version: string }> {
	const page = (await pageIndex()).get(id);
	if (!page) throw new Error(`no page with id "${id}" (run npm run check)`);
	return page;
}
