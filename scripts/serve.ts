/**
 * Serves the built site as a production host would, for `npm start`, the browser suite and the
 * screenshots: sirv sends the `.br`/`.gz` the build wrote (Content-Encoding), answers Range and
 * ETag requests; hashed files are cached for good and pages never; every response carries the
 * site's security headers, the Content-Security-Policy read from the pages themselves. The site
 * lives under its base path (`OPSBOOK_BASE`), and unknown addresses get its 404 page.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { siteBase } from '../src/lib/hosting/base.ts';
import { cacheControl, cacheControlOf, siteHeaders } from '../src/lib/hosting/headers.ts';

export interface ServeOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** The sub-path the site was built for; `OPSBOOK_BASE`, or `/`. */
	base?: string;
}

/** Serves `dir` on `127.0.0.1` and resolves once it listens, with the site's address. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
	const root = path.resolve(dir);
	const base = siteBase(options.base ?? process.env.OPSBOOK_BASE);
	const headers = await siteHeaders(root);
	const notFound = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('not found'));
	const files = sirv(root, { etag: true, brotli: true, gzip: true, dotfiles: false, extensions: ['html'] });

	const sendNotFound = (response: ServerResponse) => {
		response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFound.length, 'Cache-Control': cacheControl.revalidate });
		response.end(notFound);
	};

	const server = createServer((request: IncomingMessage, response: ServerResponse) => {
		for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
		const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		if (base !== '/' && (pathname === '/' || pathname === base.slice(0, -1))) {
			response.writeHead(302, { Location: base }).end();
			return;
		}
		if (!pathname.startsWith(base)) return sendNotFound(response);
		const relative = pathname.slice(base.length);
		response.setHeader('Cache-Control', cacheControlOf(relative));
		// sirv knows nothing of the base: it sees the path inside the site.
		request.url = `/${relative}${search}`;
		files(request, response, () => sendNotFound(response));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	return { server, url: `http://localhost:${port}${base}` };
}
