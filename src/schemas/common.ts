import { z } from 'astro/zod';
import { snakeIdPattern } from './patterns.ts';

/** A stable, kebab-case identifier for a page, team or flow node, e.g. `gift-fraud-queue`. */
export const kebabId = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as "live-gifting"' });

/** A snake_case identifier for labels, placeholders and dataset columns, e.g. `gift_fraud`. */
export const snakeId = z
	.string()
	.regex(snakeIdPattern, { error: 'expected a snake_case id such as "gift_fraud"' });

/** A semantic version such as `2.1.0`. */
export const semver = z
	.string()
	.regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, { error: 'expected a version such as "1.4.0"' });

/**
 * A calendar date. Astro's frontmatter parser turns `2026-03-01` into a `Date`, the CLI's YAML 1.2
 * parser keeps it a string: both become the same `YYYY-MM-DD` string.
 */
export const isoDate = z
	.union([z.date(), z.iso.date({ error: 'expected a real calendar date such as 2026-03-01' })], {
		error: 'expected a date such as 2026-03-01',
	})
	.transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));

/** A duration such as `15m`, `4h` or `2d`. */
export const duration = z
	.string()
	.regex(/^\d+(m|h|d)$/, { error: 'expected a duration such as "15m", "4h" or "2d"' });

/** A market code, upper-case ISO 3166 alpha-2, e.g. `SG`, `BR`. */
export const market = z
	.string()
	.regex(/^[A-Z]{2}$/, { error: 'expected a two-letter market code such as "SG"' });

/**
 * Who may read a page, a part of one or a data entry besides the staff: audience ids from
 * `src/content/audiences.yaml`, or `vendors` for every vendor. Absent: internal only. One id may be
 * written without the list (`audience: vendors`).
 */
export const audienceField = z
	.union([kebabId, z.array(kebabId).min(1)])
	.transform((value) => (typeof value === 'string' ? [value] : value))
	.optional();

/** One entry of a page's changelog. */
export const changelogEntry = z.object({
	/** The version this entry describes. */
	version: semver,
	/** The day the version was published. */
	date: isoDate,
	/** One sentence on what changed and why. */
	summary: z.string().min(1),
	/** How large the change is; `npm run check -- --base` holds it against the structural diff. */
	type: z.enum(['major', 'minor', 'patch']).optional(),
	/**
	 * `false` for an earlier version whose text is lost: it has no archived copy and git history does
	 * not hold it (`npm run release -- --backfill <id>` marks it). Readers asking about a day it was
	 * in force are told its number and that its text is not kept. Every other earlier version has a
	 * copy under `<page>/versions/`.
	 */
	archived: z.literal(false, { error: 'only archived: false is written, on a version whose text is lost; leave it out otherwise' }).optional(),
});

/** Fields every operations document carries, whatever its kind. */
export const commonFields = {
	/** The page title, shown as its heading and in the sidebar. */
	title: z.string().min(1),
	/** Stable id, unique across the handbook; other pages reference the page by it. */
	id: kebabId,
	/** The team id (from the teams registry) that owns the page and reviews its changes. */
	owner: kebabId,
	/** `draft` pages are not in force; `deprecated` ones are kept for reference only. */
	status: z.enum(['draft', 'active', 'deprecated']),
	/** The page's own version, independent of the site's. */
	version: semver,
	/** The day this version came into force. */
	effective: isoDate,
	/** The day the owner must have reviewed the page again. */
	review_by: isoDate,
	/** Markets the page applies to; empty means every market. */
	markets: z.array(market).default([]),
	/** Newest first: every published version with its date and summary. */
	changelog: z.array(changelogEntry).default([]),
	/** Who besides the staff may read the page (see `audienceField`); absent: internal only. */
	audience: audienceField,
	/**
	 * Set on frozen copies made by `npm run release`: the id of the live page this is a version of.
	 * Archived copies never change and are left out of id and reference checks.
	 */
	archived_of: kebabId.optional(),
	/**
	 * Set on translated pages (files under a locale folder such as `src/content/docs/zh-cn/`): the
	 * version of the source page this translation was made from. A translation keeps its source's
	 * `id`, and its `version` is this one; the validator warns when the source has moved on, and
	 * readers see "translation may be outdated".
	 */
	source_version: semver.optional(),
};

export type ChangelogEntry = z.output<typeof changelogEntry>;
