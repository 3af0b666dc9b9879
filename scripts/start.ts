/**
 * npm start: builds the demo snapshots if they are missing, builds the site, and serves the
 * production build on localhost (PORT, default 4321, or the next free port) as a production host
 * would (see serve.ts), under OPSBOOK_BASE when it is set, for the audience of OPSBOOK_AUDIENCE.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { serve } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
	});
}

async function listen(port: number, attempts = 20) {
	for (let offset = 0; offset < attempts; offset++) {
		try {
			return await serve(path.join(root, 'dist'), { port: port + offset });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		}
	}
	throw new Error(`ports ${port}–${port + attempts - 1} are all in use; set PORT to a free one`);
}

try {
	await run(process.execPath, ['scripts/snapshot.ts', '--if-missing']);
	// --force: Astro's content cache survives a change to an imported schema module and would
	// serve data parsed by the old schema; a fresh parse costs no measurable time here.
	await run('astro', ['build', '--force']);
	const { url } = await listen(Number(process.env.PORT ?? 4321));
	console.log(`\nopsbook is being served at ${url}\nPress Ctrl+C to stop.`);
} catch (error) {
	console.error(`\nstart: ${(error as Error).message}`);
	process.exit(1);
}
