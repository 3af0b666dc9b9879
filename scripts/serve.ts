/**
 * A small static file server for the built site: `npm start` and the browser suite use it. It
 * serves `dist/` as any static host would (directory indexes, the 404 page, correct types for
 * `.wasm` and `.parquet`), on localhost only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
	const decoded = decodeURIComponent(pathname);
	const file = path.join(root, path.normalize(decoded));
	if (!file.startsWith(root)) return undefined;
	for (const candidate of [file, path.join(file, 'index.html')]) {
		const info = await stat(candidate).catch(() => undefined);
		if (info?.isFile()) return candidate;
	}
	return undefined;
}

/** Serves `dir` on `127.0.0.1:port` (0 picks a free port) and resolves once it listens. */
export async function serve(dir: string, port = 0): Promise<{ server: Server; url: string }> {
	const root = path.resolve(dir);
	const server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		let file = await resolveFile(root, pathname).catch(() => undefined);
		let status = 200;
		if (!file) {
			status = 404;
			file = await resolveFile(root, '/404.html');
		}
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const { size } = await stat(file);
		response.writeHead(status, {
			'content-type': types[path.extname(file)] ?? 'application/octet-stream',
			'content-length': size,
			'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
		});
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	return { server, url: `http://localhost:${actual}/` };
}
