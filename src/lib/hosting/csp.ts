/**
 * The site's Content-Security-Policy, written once. Astro puts it in a `<meta>` tag on every page
 * (`security.csp`, with the hashes of the scripts it bundles); the build writes the same policy,
 * plus what a meta tag cannot carry, as a header for `npm start` and the deploy configurations
 * (see `headers.ts`).
 *
 * Scripts run only from the site's origin or by hash: never `'unsafe-inline'`. Styles allow
 * inline `style` attributes, which Starlight and Observable Plot write on many elements.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Directives every page carries, in its meta tag and in the header. */
export const policyDirectives = [
	"default-src 'self'",
	// Plot and Starlight draw small icons as data: URLs in CSS.
	"img-src 'self' data:",
	// DuckDB-WASM starts its engine in a worker served from the site's own origin.
	"worker-src 'self'",
	// Snapshots, the engine's wasm and the search index all come from the site itself.
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
] as const;

/**
 * Directives a browser ignores in a meta tag (and warns about): they travel in the header only.
 * `frame-ancestors 'none'` keeps the handbook out of other sites' frames (clickjacking).
 */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** `script-src` sources besides hashes: DuckDB-WASM and Pagefind compile WebAssembly. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `style-src` sources: inline style attributes are allowed, scripts never are. */
export const styleSources = ["'self'", "'unsafe-inline'"] as const;

/** The CSP source expression of a script's text: `'sha256-…'`. */
export function scriptHash(text: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The hashes of the `<script is:inline>` blocks in Starlight's components (theme, search shortcut,
 * sidebar state). Astro hashes the scripts it bundles, but leaves inline ones to the site; an
 * inline script is emitted byte for byte as written, so hashing the component sources gives the
 * exact hashes the browser computes. Only Starlight's own files are read: a script that reached a
 * page any other way (a content string, say) has no hash and is refused.
 */
export function starlightInlineScriptHashes(root: string): `sha256-${string}`[] {
	const dir = packageDir(root, '@astrojs/starlight');
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro') && !file.startsWith('node_modules'));
	const hashes = new Set<`sha256-${string}`>();
	for (const file of files) {
		const source = readFileSync(path.join(dir, file), 'utf8');
		for (const match of source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)) hashes.add(scriptHash(match[1]!));
	}
	if (hashes.size === 0) throw new Error(`found no inline scripts in ${dir}: has Starlight moved its components? The site's CSP would block its theme script`);
	return [...hashes].sort();
}

/** The folder of an installed package, found as Node finds it: in node_modules up from `root`. */
function packageDir(root: string, name: string): string {
	for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (existsSync(candidate)) return candidate;
		if (path.dirname(dir) === dir) throw new Error(`${name} is not installed in ${root} or above it: run npm install`);
	}
}

/** Astro's `security.csp` option for this site. */
export function astroCsp(root: string) {
	return {
		algorithm: 'SHA-256' as const,
		directives: [...policyDirectives],
		scriptDirective: { resources: [...scriptSources], hashes: starlightInlineScriptHashes(root) },
		styleDirective: { resources: [...styleSources] },
	};
}

/** Splits a policy into its directives, keyed by name: `{ 'script-src': ["'self'", …] }`. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/**
 * The header form of the policy of a built site, from the meta tags of its pages: every
 * directive the pages carry (the union of their sources, should two pages differ) and the
 * header-only ones.
 */
export function headerPolicy(metaPolicies: string[]): string {
	const merged = new Map<string, Set<string>>();
	for (const policy of metaPolicies) {
		for (const [name, sources] of parsePolicy(policy)) {
			const set = merged.get(name) ?? new Set<string>();
			for (const source of sources) set.add(source);
			merged.set(name, set);
		}
	}
	for (const [name, sources] of parsePolicy(headerOnlyDirectives.join(';'))) merged.set(name, new Set(sources));
	return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The content of the CSP meta tag of a built page, or `undefined` when it has none. */
export function metaPolicy(html: string): string | undefined {
	const tag = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
	return tag?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}
