/**
 * What a host needs from the build, done at its end (after Starlight's search index): every page
 * must carry the Content-Security-Policy that `npm start` and the deploy configurations send as a
 * header, and every large text or wasm file gets its `.br` and `.gz` beside it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { siteHeaders } from '../lib/hosting/headers.ts';
import { precompress } from '../lib/hosting/precompress.ts';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export default function opsbookHosting(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'opsbook-hosting',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				await siteHeaders(dist).catch((error: Error) => {
					throw new AstroError(error.message, 'Every page must carry the policy: is `security.csp` still set in astro.config.mjs?');
				});
				const result = await precompress(dist, {
					cacheDir: path.join(root, 'node_modules/.cache/opsbook/precompress'),
					log: (line) => logger.info(line),
				});
				logger.info(
					`precompressed ${result.files} files, ${mib(result.bytes)} → ${mib(result.brotliBytes)} brotli, ${mib(result.gzipBytes)} gzip ` +
						`(${result.fromCache} from the cache) in ${(result.ms / 1000).toFixed(1)} s`,
				);
			},
		},
	};
}
