/**
 * Every page the build renders passes through here once, as finished HTML: links to pages the
 * site's audience may not read become plain text marked "(internal)" (src/lib/audience/links.ts),
 * then root-relative addresses go under the base path (`OPSBOOK_BASE`; src/lib/hosting/rebase.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { markInternalLinks } from './lib/audience/links.ts';
import { buildPlan } from './lib/audience/plan.ts';
import { rebaseHtml } from './lib/hosting/rebase.ts';
import { uiOf } from './lib/i18n/ui.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
	const { hiddenPaths } = await buildPlan();
	if (base === '/' && hiddenPaths.size === 0) return response;
	let html = await response.text();
	html = markInternalLinks(html, hiddenPaths, uiOf(context.locals)('opsbook.audience.internal'));
	html = rebaseHtml(html, base);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
