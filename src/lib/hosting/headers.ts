/**
 * The HTTP headers a host sends with the built site, written once for `npm start` and every
 * deploy configuration: the Content-Security-Policy of the pages' meta tags as a header (plus what
 * only a header can say), the other security headers, and how long each file may be cached.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { headerPolicy, metaPolicy } from './csp.ts';

/** Headers on every response besides the policy. */
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	// Links out of the handbook must not carry its (possibly internal) addresses along.
	'Referrer-Policy': 'same-origin',
	// Older browsers that do not know `frame-ancestors`.
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Files whose names carry a hash of their content: Astro's bundles, the engine's wasm, published snapshots, charts' prepared aggregates. */
export const immutablePattern = /^_(astro|snapshots|charts)\//;

/**
 * The name of a file under one of those folders that the project writes itself (a published
 * snapshot, a chart's prepared aggregates): the first 16 hex digits of its SHA-256 before the
 * extension, so that new content gets a new URL and a cache may keep each URL for good.
 */
export const hashedName = (name: string, sha256: string, ext: string) => `${name}.${sha256.slice(0, 16)}${ext}`;

export const cacheControl = {
	/** Hashed files never change under the same name. */
	immutable: 'public, max-age=31536000, immutable',
	/** Pages and the search index may change with every build: revalidate each time. */
	revalidate: 'no-cache',
} as const;

/** The Cache-Control of a file, by its path relative to the site's root (`_astro/x.js`). */
export function cacheControlOf(relativePath: string): string {
	return immutablePattern.test(relativePath) ? cacheControl.immutable : cacheControl.revalidate;
}

export class SiteHeadersError extends Error {
	override name = 'SiteHeadersError';
}

/** Pages whose policy is read at the same time. */
const readersAtOnce = 32;

/** Bytes of a page read to find its policy: Astro writes the meta tag near the top of `<head>`. */
const headBytes = 16 * 1024;

/**
 * The policy of the page at `file`, from its first bytes, or from the whole page when the tag is
 * not among them: on a 1,000-page handbook reading whole pages meant 140 MiB of strings on a heap
 * that holds the rendered site, each megabyte a share of a slow collection.
 */
async function pagePolicy(file: string): Promise<string | undefined> {
	const handle = await open(file);
	try {
		const { buffer, bytesRead } = await handle.read(Buffer.alloc(headBytes), 0, headBytes, 0);
		const head = metaPolicy(buffer.toString('utf8', 0, bytesRead));
		if (head !== undefined || bytesRead < headBytes) return head;
	} finally {
		await handle.close();
	}
	return metaPolicy(await readFile(file, 'utf8'));
}

/**
 * Every header a host sends with the built site in `dist`, the policy read from its pages' meta
 * tags. Fails when a page has no policy: a host that sent a header without it would let that
 * page's scripts through unchecked by hash.
 */
export async function siteHeaders(dist: string): Promise<Record<string, string>> {
	const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
	if (pages.length === 0) throw new SiteHeadersError(`${dist} has no HTML pages: run \`npm run build\` first`);
	// Many pages at a time (libuv's threads do the reading): one by one, they took 0.4-0.7 s of a
	// build. A fixed number of readers, not every page at once, which would hold a file open per
	// page (EMFILE where the limit on open files is below the number of pages).
	const policies: (string | undefined)[] = [];
	let next = 0;
	const reader = async () => {
		for (let index = next++; index < pages.length; index = next++) policies[index] = await pagePolicy(path.join(dist, pages[index]!));
	};
	await Promise.all(Array.from({ length: readersAtOnce }, reader));
	const missing = pages.find((_, index) => policies[index] === undefined);
	if (missing !== undefined) throw new SiteHeadersError(`${path.join(dist, missing)} has no Content-Security-Policy meta tag; rebuild with \`npm run build\``);
	return { 'Content-Security-Policy': headerPolicy(policies.filter((policy) => policy !== undefined)), ...securityHeaders };
}
