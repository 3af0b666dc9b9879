/**
 * The static server of `npm start` and the browser suite, and the build's precompression, on a
 * small site written here: compressed variants with Content-Encoding, Range, ETag, caching by
 * file kind, the security headers, the 404 page and the base path.
 */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompress, startPrecompress } from '../../src/lib/hosting/precompress.ts';
import { serve } from '../../scripts/serve.ts';

const policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
const page = (title: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"><title>${title}</title></head><body>${title} ${'text '.repeat(400)}</body></html>`;
const bundle = `export const answer = 42;\n${'// padding that compresses well\n'.repeat(200)}`;
let dist: string;
const servers: Server[] = [];

beforeAll(async () => {
	dist = await mkdtemp(path.join(tmpdir(), 'opsbook-serve-'));
	await mkdir(path.join(dist, '_astro'));
	await mkdir(path.join(dist, 'specs/x'), { recursive: true });
	await writeFile(path.join(dist, 'index.html'), page('Home'));
	await writeFile(path.join(dist, 'specs/x/index.html'), page('Spec X'));
	await writeFile(path.join(dist, '404.html'), page('Page not found'));
	await writeFile(path.join(dist, '_astro/app.Ab12Cd.js'), bundle);
	await writeFile(path.join(dist, '_astro/tiny.Ab12Cd.js'), 'x');
	await writeFile(path.join(dist, 'logo.png'), Buffer.alloc(4096, 7));
	await writeFile(path.join(dist, 'data.parquet'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
});
afterAll(async () => {
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	await rm(dist, { recursive: true, force: true });
});

async function start(base?: string): Promise<string> {
	const { server, url } = await serve(dist, { base });
	servers.push(server);
	return url;
}

describe('precompress', () => {
	test('writes smaller .br and .gz beside text and wasm files, none for small files or images', async () => {
		const cacheDir = path.join(dist, '..', `${path.basename(dist)}-cache`);
		const first = await precompress(dist, { cacheDir });
		expect(first.files).toBe(4);
		expect(first.fromCache).toBe(0);
		expect(first.brotliBytes).toBeLessThan(first.bytes / 5);
		const { existsSync, readFileSync } = await import('node:fs');
		expect(brotliDecompressSync(readFileSync(path.join(dist, '_astro/app.Ab12Cd.js.br'))).toString()).toBe(bundle);
		expect(gunzipSync(readFileSync(path.join(dist, '_astro/app.Ab12Cd.js.gz'))).toString()).toBe(bundle);
		expect(existsSync(path.join(dist, '_astro/tiny.Ab12Cd.js.br'))).toBe(false);
		expect(existsSync(path.join(dist, 'logo.png.br'))).toBe(false);
		expect(existsSync(path.join(dist, 'data.parquet.gz'))).toBe(false);
		// The second build of the same files (into a fresh output, as every build is) compresses
		// nothing again: the results are copied from the cache.
		await Promise.all(['_astro/app.Ab12Cd.js.br', '_astro/app.Ab12Cd.js.gz'].map((file) => rm(path.join(dist, file))));
		const second = await precompress(dist, { cacheDir });
		expect(second.fromCache).toBe(4);
		expect(second.brotliBytes).toBe(first.brotliBytes);
		expect(brotliDecompressSync(readFileSync(path.join(dist, '_astro/app.Ab12Cd.js.br'))).toString()).toBe(bundle);
		expect(gunzipSync(readFileSync(path.join(dist, '_astro/app.Ab12Cd.js.gz'))).toString()).toBe(bundle);
		// An entry no build used for 15 days is removed; one this build used stays, however old it was.
		const entries = await readdir(cacheDir);
		const old = new Date(Date.now() - 15 * 24 * 3600 * 1000);
		await utimes(path.join(cacheDir, entries[0]!), old, old);
		await writeFile(path.join(cacheDir, 'left-by-an-old-build.q5.br'), 'x');
		await utimes(path.join(cacheDir, 'left-by-an-old-build.q5.br'), old, old);
		await precompress(dist, { cacheDir });
		expect((await readdir(cacheDir)).sort()).toEqual(entries.sort());
		await rm(cacheDir, { recursive: true, force: true });
	});

	test('takes the answers of files started early, and compresses afresh one that changed since', async () => {
		const site = await mkdtemp(path.join(tmpdir(), 'opsbook-early-'));
		const cacheDir = `${site}-cache`;
		const { readFileSync } = await import('node:fs');
		await mkdir(path.join(site, '_astro'));
		// Texts of their own: a thread finding the other's text in the cache would count as cached.
		await writeFile(path.join(site, '_astro/a.Ab12Cd.js'), `${bundle}// a\n`);
		await writeFile(path.join(site, '_astro/b.Ab12Cd.js'), `${bundle}// b\n`);
		await startPrecompress(site, ['_astro/a.Ab12Cd.js', '_astro/b.Ab12Cd.js'], { cacheDir });
		// Once both are compressed (the .gz is written last), b is written again.
		const { existsSync } = await import('node:fs');
		await expect.poll(() => ['a', 'b'].every((name) => existsSync(path.join(site, `_astro/${name}.Ab12Cd.js.gz`)))).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const changed = `${bundle}// written again after the early start\n`;
		await writeFile(path.join(site, '_astro/b.Ab12Cd.js'), changed);
		const result = await precompress(site, { cacheDir });
		expect(result.files).toBe(2);
		// a's answer is the early one (compressed then, not read back from the cache); b's new
		// text is compressed afresh (b's old text is in the cache, its new text is not).
		expect(result.fromCache).toBe(0);
		expect(brotliDecompressSync(readFileSync(path.join(site, '_astro/a.Ab12Cd.js.br'))).toString()).toBe(`${bundle}// a\n`);
		expect(brotliDecompressSync(readFileSync(path.join(site, '_astro/b.Ab12Cd.js.br'))).toString()).toBe(changed);
		expect(gunzipSync(readFileSync(path.join(site, '_astro/b.Ab12Cd.js.gz'))).toString()).toBe(changed);
		await Promise.all([rm(site, { recursive: true, force: true }), rm(cacheDir, { recursive: true, force: true })]);
	});
});

describe('serve', () => {
	test('sends a page with the security headers, its policy as a header, and no caching', async () => {
		const response = await fetch(await start(), { headers: { 'accept-encoding': 'identity' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-cache');
		expect(response.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(await response.text()).toContain('Home');
	});

	test('sends the brotli or gzip variant the browser accepts, and says so', async () => {
		const url = `${await start()}_astro/app.Ab12Cd.js`;
		const { request } = await import('node:http');
		const raw = (encoding: string) =>
			new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
				request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
				})
					.on('error', reject)
					.end();
			});
		const br = await raw('gzip, deflate, br');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toBe('Accept-Encoding');
		expect(br.headers['content-type']).toBe('text/javascript');
		expect(brotliDecompressSync(br.body).toString()).toBe(bundle);
		const gz = await raw('gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(bundle);
		const plain = await raw('identity');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(bundle);
		expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
	});

	test('answers a Range request with the bytes asked for', async () => {
		const response = await fetch(`${await start()}data.parquet`, { headers: { range: 'bytes=16-31' } });
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 16-31/256');
		expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(Array.from({ length: 16 }, (_, i) => 16 + i));
	});

	test('answers a repeated request with 304 when the ETag still matches', async () => {
		const url = `${await start()}specs/x/`;
		const first = await fetch(url);
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^W\/"/);
		const second = await fetch(url, { headers: { 'if-none-match': etag! } });
		expect(second.status).toBe(304);
		expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	test('sends the site’s 404 page for an unknown address, and refuses other methods', async () => {
		const url = await start();
		const missing = await fetch(`${url}no-such-page/`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('Page not found');
		expect(missing.headers.get('content-security-policy')).toContain("default-src 'self'");
		const post = await fetch(url, { method: 'POST' });
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET, HEAD');
	});

	test('serves the site under its base path and sends the root there', async () => {
		const url = await start('/handbook/');
		expect(url).toMatch(/^http:\/\/localhost:\d+\/handbook\/$/);
		const origin = new URL(url).origin;
		await expect(fetch(`${origin}/handbook/specs/x/`).then((r) => r.text())).resolves.toContain('Spec X');
		const root = await fetch(`${origin}/`, { redirect: 'manual' });
		expect(root.status).toBe(302);
		expect(root.headers.get('location')).toBe('/handbook/');
		expect((await fetch(`${origin}/specs/x/`)).status).toBe(404);
	});

	test('refuses a build whose pages carry no policy, and a malformed base', async () => {
		const bare = await mkdtemp(path.join(tmpdir(), 'opsbook-serve-bare-'));
		await writeFile(path.join(bare, 'index.html'), '<!doctype html><title>x</title>');
		await expect(serve(bare)).rejects.toThrow(`${path.join(bare, 'index.html')} has no Content-Security-Policy meta tag; rebuild with \`npm run build\``);
		await expect(serve(dist, { base: '/hand book/' })).rejects.toThrow('OPSBOOK_BASE is "/hand book/": expected a URL path such as /handbook/ (letters, digits, - _ . ~ and slashes only)');
		await rm(bare, { recursive: true, force: true });
	});
});
