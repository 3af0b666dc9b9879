/**
 * Every page the build renders passes through here once, as finished HTML: its root-relative
 * addresses go under the base path (`OPSBOOK_BASE`; see src/lib/hosting/rebase.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { rebaseHtml } from './lib/hosting/rebase.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
	if (base === '/') return response;
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(rebaseHtml(await response.text(), base), { status: response.status, statusText: response.statusText, headers });
});
