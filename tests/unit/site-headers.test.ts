/**
 * The headers a host sends with a built site: the Content-Security-Policy of the pages' meta tags
 * as a header. The build reads only the start of each page for it, and the whole page where the
 * tag lies further down.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { siteHeaders } from '../../src/lib/hosting/headers.ts';

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

const page = (policy: string, headBefore = '') =>
	`<!doctype html><html><head>${headBefore}<meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"><title>x</title></head><body>${'text '.repeat(4000)}</body></html>`;

test('the header policy joins the pages\' policies, a tag past the first kilobytes of a page included', async () => {
	const dist = await mkdtemp(path.join(tmpdir(), 'opsbook-headers-'));
	temporary.push(dist);
	await writeFile(path.join(dist, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-top='"));
	// 40 KB of inline style before the tag: further down than the part read first.
	await writeFile(path.join(dist, 'long-head.html'), page("default-src 'self'; script-src 'self' 'sha256-deep='", `<style>${'a{color:red}'.repeat(3600)}</style>`));
	const headers = await siteHeaders(dist);
	const directives = headers['Content-Security-Policy']!.split('; ');
	expect(directives.find((d) => d.startsWith('script-src'))!.split(' ').sort()).toEqual(["'self'", "'sha256-deep='", "'sha256-top='", 'script-src']);
	expect(directives).toContain("frame-ancestors 'none'");
});

test('a page without a policy fails the build, wherever its head ends', async () => {
	const dist = await mkdtemp(path.join(tmpdir(), 'opsbook-headers-'));
	temporary.push(dist);
	await writeFile(path.join(dist, 'index.html'), `<!doctype html><html><head><title>x</title></head><body>${'text '.repeat(8000)}</body></html>`);
	await expect(siteHeaders(dist)).rejects.toThrow(`${path.join(dist, 'index.html')} has no Content-Security-Policy meta tag; rebuild with \`npm run build\``);
});

test('every page of a site larger than the readers at work is read: each one\'s hashes are in the header, and a page without a policy among them is named', async () => {
	const dist = await mkdtemp(path.join(tmpdir(), 'opsbook-headers-'));
	temporary.push(dist);
	const pages = Array.from({ length: 100 }, (_, n) => `page-${String(n).padStart(3, '0')}.html`);
	await Promise.all(pages.map((name, n) => writeFile(path.join(dist, name), page(`default-src 'self'; script-src 'self' 'sha256-page${n}='`))));
	const scripts = (await siteHeaders(dist))['Content-Security-Policy']!.split('; ').find((d) => d.startsWith('script-src'))!.split(' ');
	expect(pages.every((_, n) => scripts.includes(`'sha256-page${n}='`))).toBe(true);

	await writeFile(path.join(dist, 'page-070.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
	await expect(siteHeaders(dist)).rejects.toThrow(`${path.join(dist, 'page-070.html')} has no Content-Security-Policy meta tag`);
});
