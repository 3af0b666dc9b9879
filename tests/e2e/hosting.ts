/**
 * What the hosting tests share: a build of the handbook under a sub-path, nginx run with the
 * deploy configuration in front of a stand-in for oauth2-proxy, and the probe every host must pass
 * — every page and every address it names resolves under the base, and a reader's tour of the site
 * (a chart's filter through DuckDB-WASM, search, the theme switch, a quiz) meets no problem and no
 * Content-Security-Policy violation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { expect } from 'vitest';
import { nginxHeaders } from '../../scripts/headers.ts';
import { buildEnv } from '../site-build.ts';
import { siteHeaders } from '../../src/lib/hosting/headers.ts';
import { chartsSettled, root, withPage } from './harness.ts';

export const base = '/handbook/';

/** Builds the demo handbook with `env` (OPSBOOK_BASE, OPSBOOK_AUDIENCE) into a folder of its own, not dist/. */
export async function buildSite(env: Record<string, string>): Promise<string> {
	const out = await mkdtemp(path.join(tmpdir(), 'opsbook-site-'));
	await new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force', '--outDir', out], {
			cwd: root,
			env: buildEnv(env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the build with ${JSON.stringify(env)} failed:\n${output}`))));
	});
	return out;
}

/** The demo handbook built for `base`. */
export const buildUnderBase = () => buildSite({ OPSBOOK_BASE: base });

const nginxBinary = '/usr/sbin/nginx';
const brotliModule = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A stand-in for oauth2-proxy: signed in is having the cookie `_oauth2_proxy=signed-in`. */
async function fakeOauth2Proxy(): Promise<Server> {
	const server = createServer((request, response) => {
		const signedIn = (request.headers.cookie ?? '').includes('_oauth2_proxy=signed-in');
		if (request.url?.startsWith('/oauth2/auth')) response.writeHead(signedIn ? 202 : 401).end();
		else response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in</title><p>Sign in with your company account</p>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

export interface Nginx {
	url: string;
	stop(): Promise<void>;
}

/**
 * Runs Debian's nginx with `deploy/nginx/locations.conf` as it is, in a server block like
 * `deploy/nginx/opsbook.conf`'s (without TLS, on a free port of 127.0.0.1), serving `dist` under
 * `base`, with the headers `npm run headers -- --format nginx` writes for that build.
 */
export async function startNginx(dist: string): Promise<Nginx> {
	if (!existsSync(nginxBinary)) throw new Error(`no ${nginxBinary}: install Debian's nginx (apt-get install nginx libnginx-mod-http-brotli-static); .ci/run does`);
	if (!existsSync(brotliModule)) throw new Error(`no ${brotliModule}: apt-get install libnginx-mod-http-brotli-static; .ci/run does`);
	const prefix = await mkdtemp(path.join(tmpdir(), 'opsbook-nginx-'));
	await mkdir(path.join(prefix, 'opsbook'));
	await mkdir(path.join(prefix, 'site'));
	await symlink(dist, path.join(prefix, 'site', base.replaceAll('/', '')));
	await cp(path.join(root, 'deploy/nginx/locations.conf'), path.join(prefix, 'opsbook/locations.conf'));
	await writeFile(path.join(prefix, 'opsbook/headers.conf'), nginxHeaders(await siteHeaders(dist)));
	const oauth2 = await fakeOauth2Proxy();
	// A free port: bind one, note it, let it go for nginx.
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const port = (probe.address() as AddressInfo).port;
	await new Promise((resolve) => probe.close(resolve));
	await writeFile(
		path.join(prefix, 'nginx.conf'),
		`load_module ${brotliModule};
daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${prefix}/body;
	proxy_temp_path ${prefix}/proxy;
	fastcgi_temp_path ${prefix}/fastcgi;
	uwsgi_temp_path ${prefix}/uwsgi;
	scgi_temp_path ${prefix}/scgi;
	upstream oauth2_proxy { server 127.0.0.1:${(oauth2.address() as AddressInfo).port}; }
	server {
		listen 127.0.0.1:${port};
		root ${prefix}/site;
		set $opsbook_base ${base};
		location = / { return 302 $opsbook_base; }
		include opsbook/locations.conf;
	}
}
`,
	);
	const child: ChildProcess = spawn(nginxBinary, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const url = `http://127.0.0.1:${port}${base}`;
	for (let attempt = 0; ; attempt++) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
		const up = await fetch(url).then(
			() => true,
			() => false,
		);
		if (up) break;
		if (attempt > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		url,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
			await new Promise((resolve) => oauth2.close(resolve));
			await rm(prefix, { recursive: true, force: true });
		},
	};
}

/**
 * Every page reachable from the home page, fetched, and every address on it of the same origin:
 * each must be under the base and answer 200. Returns how many pages and addresses it checked.
 */
export async function crawl(siteUrl: string, headers: Record<string, string> = {}): Promise<{ pages: number; addresses: number }> {
	const origin = new URL(siteUrl).origin;
	const basePath = new URL(siteUrl).pathname;
	const pages = new Set<string>([siteUrl]);
	const checked = new Map<string, number>();
	const queue = [siteUrl];
	const outside: string[] = [];
	for (let page = queue.shift(); page; page = queue.shift()) {
		const response = await fetch(page, { headers });
		expect(response.status, page).toBe(200);
		const html = await response.text();
		for (const match of html.matchAll(/\s(?:href|src)="([^"#?]*)/g)) {
			const address = match[1]!;
			if (!address.startsWith('/') || address.startsWith('//')) continue;
			if (!address.startsWith(basePath)) outside.push(`${address} on ${page}`);
			const absolute = `${origin}${address}`;
			if (address.endsWith('/') && !pages.has(absolute)) {
				pages.add(absolute);
				queue.push(absolute);
			} else if (!address.endsWith('/') && !checked.has(absolute)) {
				checked.set(absolute, (await fetch(absolute, { method: 'HEAD', headers })).status);
			}
		}
	}
	expect(outside).toEqual([]);
	expect([...checked].filter(([, status]) => status !== 200)).toEqual([]);
	return { pages: pages.size, addresses: checked.size };
}

/** A reader's tour of the site at `siteUrl`: nothing may go wrong, and the policy blocks nothing. */
export async function tour(browser: Browser, siteUrl: string, options: BrowserContextOptions = {}, setup?: (context: import('playwright-core').BrowserContext) => Promise<void>): Promise<void> {
	const at = (pathname: string) => new URL(pathname.replace(/^\//, ''), siteUrl).href;
	await withPage(browser, { ...options, siteOrigin: new URL(siteUrl).origin }, async ({ page, problems, cspViolations }) => {
		await setup?.(page.context());
		// A review: the chart's filter runs DuckDB-WASM, its worker and the snapshot under the base.
		await page.goto(at('/reviews/bot-service/2026-11-15/'));
		await page.locator('ops-chart select').first().selectOption({ index: 1 });
		await chartsSettled(page);
		await expect.poll(() => page.locator('ops-chart').first().getAttribute('data-state')).toBe('ready');
		// Search finds a page and links it under the base.
		await page.goto(at('/'));
		await page.locator('button[data-open-modal]').click();
		await page.locator('.pagefind-ui__search-input').fill('gifting');
		const result = page.locator('.pagefind-ui__result-link').first();
		await result.waitFor();
		await expect.poll(() => result.getAttribute('href')).toMatch(new RegExp(`^${new URL(siteUrl).pathname}`));
		// The theme switch, remembered across pages.
		await page.keyboard.press('Escape');
		await page.locator('starlight-theme-select select').first().selectOption('light');
		await page.goto(at('/specs/live-gifting-fraud/'));
		await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
		// A quiz answered.
		await page.goto(at('/quiz/live-gifting-fraud/'));
		const question = page.locator('li[data-answer]').first();
		await question.locator(`input[value="${await question.getAttribute('data-answer')}"]`).check();
		await question.locator('.ops-quiz__check').click();
		expect(cspViolations).toEqual([]);
		expect(problems).toEqual([]);
	});
}
