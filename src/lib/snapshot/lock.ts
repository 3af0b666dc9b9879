/**
 * One writer at a time per snapshot store. Two `npm run snapshot` runs on one store would
 * otherwise each read the manifest, add their entry and write it back (the second dropping the
 * first's), and each remove the other's temporary files as leftovers of a crash. The lock is a
 * file created exclusively (`<store>/.lock`) holding its owner's pid and host; a later run waits
 * for it, saying so in one line, and takes over a lock whose owner died on this host.
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { SnapshotError } from './errors.ts';

export interface LockOptions {
	/** Called once, when the store is busy and the run starts waiting. */
	onWait?: (message: string) => void;
	/** How long to wait before refusing, in milliseconds; default `OPSBOOK_SNAPSHOT_LOCK_TIMEOUT` seconds, or 10 minutes. */
	timeoutMs?: number;
}

interface Owner {
	pid: number;
	host: string;
	since: string;
}

export async function withStoreLock<T>(store: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
	const file = path.join(store, '.lock');
	await mkdir(store, { recursive: true });
	const deadline = Date.now() + (options.timeoutMs ?? Number(process.env.OPSBOOK_SNAPSHOT_LOCK_TIMEOUT ?? 600) * 1000);
	let told = false;
	for (;;) {
		const owner = await tryAcquire(file);
		if (!owner) break;
		if (owner.pid === 0) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			continue;
		}
		if (owner.host === hostname() && !alive(owner.pid)) {
			// Its owner was killed: the lock protects nothing any more (its leftovers are rolled back by recoverSnapshots).
			await rm(file, { force: true });
			continue;
		}
		const who = `pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since}`;
		if (Date.now() > deadline) {
			throw new SnapshotError(`${file}: another npm run snapshot (${who}) still holds the store; try again when it is done, or remove the lock if that run is gone`);
		}
		if (!told) options.onWait?.(`waiting for another npm run snapshot (${who}) to finish writing ${store}`);
		told = true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	try {
		// For the two-process test: hold the lock until the test, having seen the second run wait, releases it.
		const release = process.env.OPSBOOK_TEST_HOLD_LOCK_UNTIL;
		while (release && !existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 50));
		return await work();
	} finally {
		await rm(file, { force: true });
	}
}

/** Creates the lock file; returns its current owner instead when another run holds it. */
async function tryAcquire(file: string): Promise<Owner | undefined> {
	const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString().slice(0, 19).replace('T', ' ') };
	try {
		const handle = await open(file, 'wx');
		await handle.writeFile(`${JSON.stringify(owner)}\n`);
		await handle.close();
		return undefined;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	const text = await readFile(file, 'utf8').catch(() => '');
	try {
		return JSON.parse(text) as Owner;
	} catch {
		// Being written this very moment, or just removed: pid 0 says "look again".
		return { pid: 0, host: '', since: '' };
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
