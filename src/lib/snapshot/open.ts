/**
 * Opens a published snapshot for the build: checks that the manifest lists it and that the file
 * still has the manifest's checksum, and makes it queryable under its dataset id. Once per
 * snapshot per build, however many components of however many pages read it.
 */
import path from 'node:path';
import { registerSnapshot } from '../query/server.ts';
import { readManifest, type SnapshotEntry } from './manifest.ts';
import { parseSnapshotRef, snapshotFile, snapshotUrl } from './paths.ts';
import { sha256File } from './write.ts';

export class SnapshotUnavailableError extends Error {
	override name = 'SnapshotUnavailableError';
}

export interface OpenSnapshot {
	ref: string;
	dataset: string;
	asOf: string;
	/** Where the site serves the file. */
	url: string;
	entry: SnapshotEntry;
}

const opened = new Map<string, Promise<OpenSnapshot>>();

export function openSnapshot(root: string, base: string, ref: string): Promise<OpenSnapshot> {
	let result = opened.get(ref);
	if (!result) {
		result = open(root, base, ref);
		opened.set(ref, result);
	}
	return result;
}

async function open(root: string, base: string, ref: string): Promise<OpenSnapshot> {
	const { dataset, asOf } = parseSnapshotRef(ref);
	const file = snapshotFile(root, dataset, asOf);
	const manifest = await readManifest(path.dirname(file));
	const entry = manifest?.snapshots.find((snapshot) => snapshot.as_of === asOf);
	if (!entry) {
		throw new SnapshotUnavailableError(`snapshot ${ref} is not published (no entry in public/snapshots/${dataset}/manifest.json); run \`npm run snapshot\``);
	}
	const actual = await sha256File(file).catch(() => 'missing');
	if (actual !== entry.sha256) {
		throw new SnapshotUnavailableError(
			`snapshot ${ref} does not match its manifest (${actual === 'missing' ? 'the file is missing' : 'checksum differs'}); run \`npm run snapshot\` to publish it again`,
		);
	}
	await registerSnapshot(dataset, file);
	return { ref, dataset, asOf, url: snapshotUrl(base, dataset, asOf), entry };
}
