/**
 * Files that pages make while they render (a chart's prepared aggregates), served by `astro dev`
 * and written into the output of `astro build`, each at a content-hashed path so that it can be
 * cached forever and never goes stale. `emitFile` returns the URL a page links to.
 *
 * The registry lives on `globalThis`, as the snapshot publisher's does: Astro renders pages from
 * modules of its own build, in the process that runs the integrations.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheControl, hashedName } from '../hosting/headers.ts';

interface Emitted {
	content: string;
	type: string;
}

const stateKey = Symbol.for('opsbook.emitted-files');
/** Site path under the base (`_charts/…`) → the file's content. */
const files: Map<string, Emitted> = ((globalThis as Record<symbol, Map<string, Emitted> | undefined>)[stateKey] ??= new Map());

const types: Record<string, string> = { '.json': 'application/json' };

/**
 * Registers `content` at `<folder>/<name>.<sha256 prefix><ext>` under the site's base and returns
 * its URL and checksum. The same content always gets the same path, so charts that prepare the same
 * data share one file.
 */
export function emitFile(options: { base: string; folder: string; name: string; ext: string; content: string }): { url: string; sha256: string } {
	const sha256 = createHash('sha256').update(options.content).digest('hex');
	const site = `${options.folder}/${hashedName(options.name, sha256, options.ext)}`;
	files.set(site, { content: options.content, type: types[options.ext] ?? 'application/octet-stream' });
	return { url: `${options.base.replace(/\/?$/, '/')}${site}`, sha256 };
}

/** The integration: serves emitted files from `astro dev` and writes them into the build's output. */
export function emittedFiles(): AstroIntegration {
	let base = '/';
	return {
		name: 'opsbook-emitted-files',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
					const file = pathname.startsWith(base) ? files.get(pathname.slice(base.length)) : undefined;
					if (!file) return next();
					response.setHeader('Content-Type', file.type);
					response.setHeader('Cache-Control', cacheControl.immutable);
					response.end(file.content);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				let bytes = 0;
				for (const [site, file] of files) {
					const target = path.join(out, site);
					await mkdir(path.dirname(target), { recursive: true });
					await writeFile(target, file.content);
					bytes += Buffer.byteLength(file.content);
				}
				if (files.size > 0) logger.info(`wrote ${files.size} file${files.size === 1 ? '' : 's'} the pages made (${(bytes / 1024).toFixed(0)} KiB): ${[...new Set([...files.keys()].map((site) => `${base}${site.split('/')[0]}/`))].join(', ')}`);
			},
		},
	};
}
