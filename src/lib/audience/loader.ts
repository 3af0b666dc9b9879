/**
 * Content loaders for one audience: a wrapper around any Astro loader that keeps out of the
 * collection every entry the audience may not read, and strips the parts of an entry it may not
 * read, before anything renders. A page left out here is absent everywhere at once: its HTML, the
 * sidebar, search, the sitemap and every list built from the collection.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type Entry = Parameters<LoaderContext['store']['set']>[0];

export interface AudienceFilter {
	/** Whether the audience may not read an entry at all. */
	drop(entry: Entry): boolean;
	/** The entry's data as the audience may read it. */
	data?(data: Record<string, unknown>): Record<string, unknown>;
	/** Frontmatter as written → as today's schema reads it (renamed fields of frozen copies). */
	upgrade?(data: Record<string, unknown>): Record<string, unknown>;
}

export function audienceLoader(inner: Loader, filter: AudienceFilter): Loader {
	return {
		...inner,
		name: `${inner.name}-for-audience`,
		load: (context) => {
			const store = new Proxy(context.store, {
				get(target, property) {
					if (property === 'set') {
						return (entry: Entry) => {
							if (filter.drop(entry)) {
								target.delete(entry.id);
								return false;
							}
							return target.set(filter.data ? { ...entry, data: filter.data(entry.data) } : entry);
						};
					}
					const value = Reflect.get(target, property) as unknown;
					return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
				},
			});
			const parseData: LoaderContext['parseData'] = filter.upgrade ? (props) => context.parseData({ ...props, data: filter.upgrade!(props.data) as typeof props.data }) : context.parseData;
			return inner.load({ ...context, store, parseData });
		},
	};
}
