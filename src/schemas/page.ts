import { z } from 'astro/zod';
import { audienceField } from './common.ts';
import { escalationFlow } from './escalation-flow.ts';
import { labelingSpec } from './labeling-spec.ts';
import { metricReview } from './metric-review.ts';
import { onboardingPath } from './onboarding-path.ts';
import { replyScript } from './reply-script.ts';
import { sop } from './sop.ts';

/** A page with no structured part: guides, landing pages, the home page. */
export const plainPage = z.object({
	/** `page`, or nothing: a guide with no structured part. */
	kind: z.literal('page').optional(),
	/** The page title, shown as its heading and in the sidebar. */
	title: z.string().min(1),
	/** Who besides the staff may read the page (see `audienceField`); absent: internal only. */
	audience: audienceField,
});

/**
 * The frontmatter of every page, discriminated by `kind`. Starlight merges its own fields
 * (`title`, `description`, …) into each option through `docsSchema({ extend })`.
 */
export const pageSchema = z.discriminatedUnion('kind', [
	labelingSpec,
	escalationFlow,
	replyScript,
	sop,
	onboardingPath,
	metricReview,
	plainPage,
]);

/**
 * Reads a page's frontmatter under today's field names. Frozen copies are never edited, so one
 * frozen before a field was renamed keeps the old name: an onboarding path's `audience` was the
 * free-text description of its learners, and is now `learners` (`audience` says who may read).
 */
export function upgradeFrontmatter(data: unknown): unknown {
	if (!data || typeof data !== 'object') return data;
	const fields = data as Record<string, unknown>;
	if (fields.kind === 'onboarding-path' && fields.archived_of !== undefined && typeof fields.audience === 'string' && fields.learners === undefined) {
		const { audience, ...rest } = fields;
		return { ...rest, learners: audience };
	}
	return data;
}

/** The document kinds, in the order the handbook lists them. */
export const documentKinds = [
	'labeling-spec',
	'escalation-flow',
	'reply-script',
	'sop',
	'onboarding-path',
	'metric-review',
] as const;

export type PageData = z.output<typeof pageSchema>;
/** The data of a page of one kind. */
export type DataOf<K extends DocumentKind> = Extract<PageData, { kind: K }>;
export type DocumentKind = (typeof documentKinds)[number];

/** A page that is a document (has a `kind` other than a plain page), with its common fields. */
export function isDocument(data: PageData): data is DataOf<DocumentKind> {
	return data.kind !== undefined && data.kind !== 'page';
}

/** A document still being written: none of its versions is in force yet. */
export function isDraft(data: PageData): boolean {
	return isDocument(data) && data.status === 'draft';
}

/** A document that is the live page of its id, not a frozen copy made by `npm run release`. */
export function isLiveDocument(data: PageData): data is DataOf<DocumentKind> {
	return isDocument(data) && data.archived_of === undefined;
}

/**
 * Whether a page has a version history to show and to ask: a live document that is not a draft
 * (never in force) nor a metric review (a dated report, not a rule in force).
 */
export function hasVersionHistory(data: PageData): data is DataOf<DocumentKind> {
	return isLiveDocument(data) && !isDraft(data) && data.kind !== 'metric-review';
}
