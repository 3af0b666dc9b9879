/**
 * The docs collection as components read it, page after page: the entries, an entry by its id, and
 * a page's archived copies. `getCollection('docs')` copies every entry on every call, and the
 * components under every page's title and content (owner card, version history, review context)
 * each called it and then scanned the copy: on a 1,000-page handbook that was some 2,000 copies of
 * 1,000 entries per build. A build reads the collection once; `astro dev` reads it on every call,
 * so that an edited page shows at once. Runs only inside Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type DocsEntry = CollectionEntry<'docs'>;

export interface Docs {
	/** Every entry, in the collection's order. */
	entries: readonly DocsEntry[];
	/** An entry by its id (`specs/live-gifting-fraud`, `zh-cn/specs/live-gifting-fraud`). */
	byId: ReadonlyMap<string, DocsEntry>;
	/** The archived copies of the page with this page id (`archived_of`), in the collection's order. */
	archivedOf: ReadonlyMap<string, readonly DocsEntry[]>;
}

let once: Promise<Docs> | undefined;

/** The docs collection and its lookups; shared by every caller, who must not change them. */
export function docsCollection(): Promise<Docs> {
	if (import.meta.env.DEV) return read();
	once ??= read();
	return once;
}

async function read(): Promise<Docs> {
	const entries = await getCollection('docs');
	const archivedOf = new Map<string, DocsEntry[]>();
	for (const entry of entries) {
		const of = (entry.data as { archived_of?: string }).archived_of;
		if (of === undefined) continue;
		if (!archivedOf.has(of)) archivedOf.set(of, []);
		archivedOf.get(of)!.push(entry);
	}
	return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), archivedOf };
}
