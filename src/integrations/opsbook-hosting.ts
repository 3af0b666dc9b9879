/**
 * What a host needs from the build, done at its end (after Starlight's search index): every page
 * must carry the Content-Security-Policy that `npm start` and the deploy configurations send as a
 * header, and every large text or wasm file gets its `.br` and `.gz` beside it. The client bundle's
 * files are compressed from the moment Vite writes them, on threads of their own, while the pages
 * render: the engine's wasm alone takes a core for seconds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { clearOutDir } from '../lib/hosting/clear-out-dir.ts';
import { collectGarbage } from '../lib/hosting/collect.ts';
import { siteHeaders } from '../lib/hosting/headers.ts';
import { immutablePattern } from '../lib/hosting/headers.ts';
import { precompress, startPrecompress } from '../lib/hosting/precompress.ts';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export default function opsbookHosting(): AstroIntegration {
	let root = process.cwd();
	let outDir = path.join(root, 'dist');
	const cacheDir = () => path.join(root, 'node_modules/.cache/opsbook/precompress');
	let building = false;
	let cleared: Promise<void> = Promise.resolve();
	return {
		name: 'opsbook-hosting',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command !== 'build') return;
				building = true;
				updateConfig({
					vite: {
						// The output folder is emptied in config:done instead, without waiting: see clear-out-dir.ts.
						build: { emptyOutDir: false },
						plugins: [
							{
								name: 'opsbook-precompress-early',
								apply: 'build',
								applyToEnvironment: (environment) => environment.name === 'client',
								// Hashed files only: their content is final under their name.
								async writeBundle(options, bundle) {
									if (!options.dir) return;
									const names = Object.keys(bundle)
										.map((file) => path.relative(outDir, path.join(options.dir!, file)).split(path.sep).join('/'))
										.filter((name) => immutablePattern.test(name));
									await startPrecompress(outDir, names, { cacheDir: cacheDir() });
								},
							},
						],
					},
				});
			},
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				outDir = fileURLToPath(config.outDir);
				if (building) cleared = clearOutDir(outDir, path.join(root, 'node_modules/.cache/opsbook/trash'));
			},
			// Before every integration's build:done, Starlight's Pagefind among them: see collect.ts.
			'astro:build:generated': () => collectGarbage(),
			'astro:build:done': async ({ dir, logger }) => {
				await cleared;
				const dist = fileURLToPath(dir);
				await siteHeaders(dist).catch((error: Error) => {
					throw new AstroError(error.message, 'Every page must carry the policy: is `security.csp` still set in astro.config.mjs?');
				});
				const result = await precompress(dist, {
					cacheDir: cacheDir(),
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
