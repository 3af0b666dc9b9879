/**
 * Starts the browser suite: checks that Chromium and the production build are there, and serves
 * the build on a free localhost port for every test file, under the base path it was built for.
 *
 * The build is `dist/` unless `OPSBOOK_TEST_DIST` names another folder: `npm test` runs the suite
 * a second time against a build made with `OPSBOOK_BASE=/handbook/` (see scripts/test.ts). The
 * base is read from the build itself, so the suite can never serve a build under the wrong path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/chromium.ts';
import { serve } from '../../scripts/serve.ts';
import { builtBase } from '../../src/lib/hosting/base.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The site's address on the suite's server, base path included: `http://localhost:PORT/handbook/`. */
		baseUrl: string;
		/** The base path the build was made for: `/` or e.g. `/handbook/`. */
		basePath: string;
		/** The folder of the build under test. */
		dist: string;
		chromiumPath: string;
		skipBrowser: boolean;
	}
}

export default async function setup(project: TestProject) {
	const root = path.resolve(import.meta.dirname, '../..');
	const dist = path.resolve(root, process.env.OPSBOOK_TEST_DIST || 'dist');
	project.provide('dist', dist);
	if (process.env.OPSBOOK_SKIP_BROWSER === '1') {
		console.warn('\n*** OPSBOOK_SKIP_BROWSER=1: the browser suite is SKIPPED. Nothing a reader sees was tested. ***\n');
		project.provide('skipBrowser', true);
		project.provide('baseUrl', '');
		project.provide('basePath', '/');
		project.provide('chromiumPath', '');
		return;
	}
	const found = findChromium();
	if ('missing' in found) {
		throw new Error(`\n\n*** The browser suite cannot run: ${found.missing}. ***\n`);
	}
	if (!existsSync(path.join(dist, 'index.html'))) {
		throw new Error(`the browser suite tests a production build, and ${dist} holds none: run \`npm run build\` first`);
	}
	const base = await builtBase(dist);
	const { server, url } = await serve(dist, { base });
	if (base !== '/') console.log(`\nbrowser suite: the build in ${path.relative(root, dist) || dist} is served under ${base}\n`);
	project.provide('skipBrowser', false);
	project.provide('baseUrl', url);
	project.provide('basePath', base);
	project.provide('chromiumPath', found.path);
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
