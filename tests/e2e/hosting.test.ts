/**
 * The handbook built for a sub-path (OPSBOOK_BASE=/handbook/) and served as it would be in
 * production: by `npm start`'s server, and by nginx with the configuration in deploy/nginx behind
 * oauth2-proxy (a stand-in here). Each host serves every page and address under the base, with the
 * security headers, and a reader's tour through it meets no problem and no CSP violation.
 */
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import { siteHeaders } from '../../src/lib/hosting/headers.ts';
import { basePath, dist as suiteDist, skipBrowser, useBrowser } from './harness.ts';
import { base, buildUnderBase, crawl, startNginx, tour, type Nginx } from './hosting.ts';

const browser = useBrowser();
let dist = '';
// npm test runs this file in its second run, against its own build under /handbook/; alone against
// a build at the root, it builds the site under the sub-path itself.
const ownBuild = basePath !== base;
let sirv: Server | undefined;
let sirvUrl = '';
let nginx: Nginx | undefined;
const signedIn = { cookie: '_oauth2_proxy=signed-in' };

beforeAll(async () => {
	if (skipBrowser) return;
	dist = ownBuild ? await buildUnderBase() : suiteDist;
	({ server: sirv, url: sirvUrl } = await serve(dist, { base }));
	nginx = await startNginx(dist);
}, 300_000);
afterAll(async () => {
	await new Promise((resolve) => (sirv ? sirv.close(resolve) : resolve(undefined)));
	await nginx?.stop();
	if (dist && ownBuild) await rm(dist, { recursive: true, force: true });
});

describe.skipIf(skipBrowser)(`the site under ${base}`, () => {
	test('every page carries its addresses under the base', async () => {
		const html = await readFile(path.join(dist, 'specs/live-gifting-fraud/index.html'), 'utf8');
		expect(html).not.toMatch(/\s(href|src)="\/(?!handbook\/|\/)/);
		const wasm = (await readdir(path.join(dist, '_astro'))).find((file) => file.endsWith('.wasm'));
		expect(wasm).toBeDefined();
		// The engine's brotli variant, written by the build.
		expect(brotliDecompressSync(await readFile(path.join(dist, '_astro', `${wasm}.br`))).length).toBe((await readFile(path.join(dist, '_astro', wasm!))).length);
	});

	test('npm start’s server: every page and address resolves under the base', async () => {
		const { pages, addresses } = await crawl(sirvUrl);
		expect(pages).toBeGreaterThan(60);
		expect(addresses).toBeGreaterThan(10);
	});

	test('npm start’s server: a reader’s tour meets no problem and no CSP violation', async () => {
		await tour(browser(), sirvUrl);
	});
});

describe.skipIf(skipBrowser)('nginx behind oauth2-proxy (deploy/nginx)', () => {
	test('sends a reader who is not signed in to sign in, and serves nothing of the site', async () => {
		const response = await fetch(nginx!.url);
		expect(response.status).toBe(403);
		await expect(response.text()).resolves.toContain('Sign in with your company account');
		const asset = await fetch(`${nginx!.url}_astro/`, { redirect: 'manual' });
		expect(asset.status).toBe(403);
	});

	test('sends the security headers, caching by kind, compressed variants, ranges and ETags', async () => {
		const expected = await siteHeaders(dist);
		const page = await fetch(`${nginx!.url}specs/live-gifting-fraud/`, { headers: signedIn });
		expect(page.status).toBe(200);
		for (const [name, value] of Object.entries(expected)) expect(page.headers.get(name), name).toBe(value);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		const etag = page.headers.get('etag');
		expect(etag).toBeTruthy();
		expect((await fetch(`${nginx!.url}specs/live-gifting-fraud/`, { headers: { ...signedIn, 'if-none-match': etag! } })).status).toBe(304);

		const wasm = (await readdir(path.join(dist, '_astro'))).find((file) => file.endsWith('.wasm'))!;
		const engine = await fetch(`${nginx!.url}_astro/${wasm}`, { method: 'HEAD', headers: { ...signedIn, 'accept-encoding': 'br' } });
		expect(engine.headers.get('content-encoding')).toBe('br');
		expect(engine.headers.get('content-type')).toBe('application/wasm');
		expect(engine.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(engine.headers.get('content-security-policy')).toBe(expected['Content-Security-Policy']);
		const gzipped = await fetch(`${nginx!.url}_astro/${wasm}`, { method: 'HEAD', headers: { ...signedIn, 'accept-encoding': 'gzip' } });
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');

		const snapshot = (await readdir(path.join(dist, '_snapshots'), { recursive: true })).find((file) => file.endsWith('.parquet'))!;
		const range = await fetch(`${nginx!.url}_snapshots/${snapshot.split(path.sep).join('/')}`, { headers: { ...signedIn, range: 'bytes=0-3' } });
		expect(range.status).toBe(206);
		expect(new TextDecoder().decode(await range.arrayBuffer())).toBe('PAR1');

		const missing = await fetch(`${nginx!.url}no-such-page/`, { headers: signedIn });
		expect(missing.status).toBe(404);
		await expect(missing.text()).resolves.toContain('Page not found');
	});

	test('every page and address resolves under the base', async () => {
		const { pages } = await crawl(nginx!.url, signedIn);
		expect(pages).toBeGreaterThan(60);
	});

	test('a signed-in reader’s tour meets no problem and no CSP violation', async () => {
		const url = new URL(nginx!.url);
		await tour(browser(), nginx!.url, {}, (context) => context.addCookies([{ name: '_oauth2_proxy', value: 'signed-in', domain: url.hostname, path: '/' }]));
	});
});
