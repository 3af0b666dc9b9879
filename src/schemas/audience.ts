import { z } from 'astro/zod';
import { kebabId, snakeId } from './common.ts';
import { filterValuePattern } from './patterns.ts';

export { audienceField } from './common.ts';

/** The audience of every build that names none: every page, every row. */
export const internalAudience = 'internal';

/** In a page's `audience`, every audience of kind `vendor`. */
export const everyVendor = 'vendors';

/** The rows of one dataset an audience may read: column → the value, or values, it keeps. */
const filterValue = z.string().regex(filterValuePattern, { error: 'expected a value such as "atlas-bpo" (letters, digits, "_", "." and "-")' });
export const rowFilter = z.record(snakeId, z.union([filterValue, z.array(filterValue).min(1)]));

/** A reader of the handbook for whom a site of its own is built (`OPSBOOK_AUDIENCE=<id>`). */
export const audienceEntry = z.strictObject({
	/** Stable id, named in pages' `audience` and in `OPSBOOK_AUDIENCE`; `internal` is the staff's own site. */
	id: kebabId.refine((id) => id !== everyVendor, { error: `"${everyVendor}" is reserved: it means every vendor in a page's audience` }),
	/** The name shown to people, e.g. "Atlas BPO". */
	name: z.string().min(1),
	/** `vendor`: an outsourced team, included in a page's `audience: [vendors]`. */
	kind: z.enum(['internal', 'vendor']),
	/**
	 * Per dataset id, the rows this audience may read (`labeling_qa_weekly: { vendor: atlas-bpo }`):
	 * its site publishes those rows only, and every review and chart it shows is computed from them.
	 * A dataset not named here is published whole to the audience's reviews.
	 */
	rows: z.record(snakeId, rowFilter).default({}),
});

/** `src/content/audiences.yaml`: every audience, `internal` among them. */
export const audiences = z
	.array(audienceEntry)
	.min(1)
	.superRefine((list, context) => {
		if (!list.some((entry) => entry.id === internalAudience && entry.kind === 'internal')) {
			context.addIssue({ code: 'custom', message: `needs the audience "${internalAudience}" (kind: internal): the site every build makes unless told otherwise` });
		}
	});

export type Audience = z.output<typeof audienceEntry>;
export type RowFilter = z.output<typeof rowFilter>;
