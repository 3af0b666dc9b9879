/**
 * What can still be checked in a page that fails its schema: each top-level field that passes its
 * own schema, under the schema of the page's `kind`. The validator checks a page's references,
 * graph and dates on these fields, so that a wrong `status` does not hide an unknown `owner`.
 * Fields are kept or dropped whole: a flow with one bad step has no `nodes` to walk.
 */
import type { z } from 'astro/zod';
import { pageSchema, upgradeFrontmatter, type PageData } from '../../schemas/page.ts';

export interface Salvaged {
	/** The fields that passed, parsed; typed as a page, but only the fields not in `invalid` are there. */
	data: PageData;
	/** The top-level fields that failed (or are missing though required). */
	invalid: ReadonlySet<string>;
}

/** The valid fields of the frontmatter `value`; `undefined` when even its `kind` is unknown. */
export function salvage(value: unknown): Salvaged | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const raw = upgradeFrontmatter(value) as Record<string, unknown>;
	const option = pageSchema.options.find((candidate) => candidate.shape.kind.safeParse(raw.kind).success);
	if (!option) return undefined;
	const data: Record<string, unknown> = {};
	const invalid = new Set<string>();
	for (const [key, schema] of Object.entries(option.shape as Record<string, z.ZodType>)) {
		const result = schema.safeParse(raw[key]);
		if (!result.success) invalid.add(key);
		else if (result.data !== undefined) data[key] = result.data;
	}
	return { data: data as PageData, invalid };
}
