/**
 * Builds a small fixture handbook with the project's real configuration, components and build:
 * `tests/fixtures/sites/<name>/` holds its `src/content/` (pages and data; the UI strings come
 * from the project), and the site is built in a temporary copy, so a test can read every file a
 * production build writes without building the whole demo handbook.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/**
 * The environment for a build started from a test: Vitest puts its own Vite's values in
 * `process.env` (NODE_ENV=test, BASE_URL=/, MODE, DEV, PROD, SSR), which a child Astro build would
 * take as its own.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[name];
	return { ...env, ...extra };
}

export interface FixtureSite {
	/** The temporary copy of the project the site was built in. */
	dir: string;
	/** Its `dist/`. */
	dist: string;
	/** What the build printed. */
	output: string;
	remove(): Promise<void>;
}

/** Copies the project without its content, lays the fixture's content over it, and builds it. */
export async function buildFixtureSite(name: string, env: Record<string, string> = {}): Promise<FixtureSite> {
	// Inside the project, so that its node_modules is found by walking up: Vite resolves a
	// symlinked node_modules to paths outside the site and then misses Starlight's styles.
	await mkdir(path.join(root, '.fixture-sites'), { recursive: true });
	const dir = await mkdtemp(path.join(root, '.fixture-sites', `${name}-`));
	const content = path.join(root, 'src/content');
	for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) {
		await cp(path.join(root, entry), path.join(dir, entry), {
			recursive: true,
			// The project's own pages and data stay behind; its UI strings come along.
			filter: (source) => source !== path.join(root, 'public/snapshots') && (!source.startsWith(content + path.sep) || source.startsWith(path.join(content, 'i18n'))),
		});
	}
	await cp(path.join(root, 'tests/fixtures/sites', name), dir, { recursive: true });
	const { stdout, stderr } = await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], {
		cwd: dir,
		env: buildEnv(env),
		maxBuffer: 64 * 1024 * 1024,
	}).catch((error: { stdout: string; stderr: string; message: string }) => {
		throw new Error(`the build of fixture site "${name}" failed:\n${error.stdout}\n${error.stderr}`);
	});
	return { dir, dist: path.join(dir, 'dist'), output: stdout + stderr, remove: () => rm(dir, { recursive: true, force: true }) };
}
