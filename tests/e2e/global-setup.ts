/**
 * Starts the browser suite: checks that Chromium and the production build are there, and serves
 * `dist/` on a free localhost port for every test file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/chromium.ts';
import { serve } from '../../scripts/serve.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
		skipBrowser: boolean;
	}
}

export default async function setup(project: TestProject) {
	const root = path.resolve(import.meta.dirname, '../..');
	if (process.env.OPSBOOK_SKIP_BROWSER === '1') {
		console.warn('\n*** OPSBOOK_SKIP_BROWSER=1: the browser suite is SKIPPED. Nothing a reader sees was tested. ***\n');
		project.provide('skipBrowser', true);
		project.provide('baseUrl', '');
		project.provide('chromiumPath', '');
		return;
	}
	const found = findChromium();
	if ('missing' in found) {
		throw new Error(`\n\n*** The browser suite cannot run: ${found.missing}. ***\n`);
	}
	const dist = path.join(root, 'dist');
	if (!existsSync(path.join(dist, 'index.html'))) {
		throw new Error('the browser suite tests the production build, and there is none: run `npm run build` first');
	}
	const { server, url } = await serve(dist);
	project.provide('skipBrowser', false);
	project.provide('baseUrl', url);
	project.provide('chromiumPath', found.path);
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
