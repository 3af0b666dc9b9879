import { z } from 'astro/zod';
import { isoDate } from './common.ts';

/** A site path as readers see it without the base path: from the root, ending in `/`. */
export const sitePath = z.string().regex(/^\/([a-z0-9][a-z0-9._-]*\/)+$/, {
	error: 'expected a site path such as "/reviews/bot-service/": from the site\'s root, without the base path or a locale, ending in "/"',
});

/**
 * One old address of a page that moved, in `src/content/redirects.yaml`, keyed by that old address
 * (`/reviews/bot-service-weekly/:`). The build writes a page there, in every locale, that sends the
 * reader on to the page's new address under the site's Content-Security-Policy.
 */
export const redirect = z.object({
	/** The page's address now: a page of the handbook, e.g. `/reviews/bot-service/`. */
	to: sitePath,
	/** When the page moved (for the maintainers; readers are simply sent on). */
	moved: isoDate,
	/** Why it moved, in one line (for the maintainers). */
	reason: z.string().min(1),
});

/** `src/content/redirects.yaml`: every old address (checked with `sitePath` where it is used), each with where its page is now. */
export const redirects = z.record(z.string(), redirect);

export type Redirect = z.output<typeof redirect>;
