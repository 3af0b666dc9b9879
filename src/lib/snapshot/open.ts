/**
 * Finds a pinned snapshot's bytes on this machine: the store's own file when its checksum matches
 * the manifest, else (with `snapshots.remote`) the copy fetched from the object store. Once per
 * snapshot per process, however many components of however many pages read it.
 */
import { readManifest, type SnapshotEntry } from './manifest.ts';
import { datasetFolder, parseSnapshotRef, snapshotFile, storeOf, storePath } from './paths.ts';
import { fetchRemote, remoteOf } from './remote.ts';
import { sha256File } from './write.ts';

export class SnapshotUnavailableError extends Error {
	override name = 'SnapshotUnavailableError';
}

export interface ResolvedSnapshot {
	ref: string;
	dataset: string;
	asOf: string;
	/** Its manifest entry. */
	entry: SnapshotEntry;
	/** A local file holding exactly the bytes the manifest names. */
	file: string;
}

const resolved = new Map<string, Promise<ResolvedSnapshot>>();

export function resolveSnapshot(root: string, ref: string): Promise<ResolvedSnapshot> {
	const key = `${root}\0${ref}`;
	let result = resolved.get(key);
	if (!result) {
		result = resolve(root, ref);
		resolved.set(key, result);
		// A failure is not remembered: the author may publish the snapshot and render again.
		result.catch(() => resolved.delete(key));
	}
	return result;
}

async function resolve(root: string, ref: string): Promise<ResolvedSnapshot> {
	const { dataset, asOf } = parseSnapshotRef(ref);
	const store = storeOf(root);
	const manifest = await readManifest(datasetFolder(store, dataset));
	const entry = manifest?.snapshots.find((snapshot) => snapshot.as_of === asOf);
	if (!entry) {
		const published = manifest?.snapshots.map((snapshot) => snapshot.as_of).join(', ');
		throw new SnapshotUnavailableError(
			`snapshot ${ref} is not published (${manifest ? `${storePath(dataset)}/manifest.json lists ${published}` : `no ${storePath(dataset)}/manifest.json`}); publish it with \`npm run snapshot -- --dataset ${dataset} --input …\``,
		);
	}
	const file = snapshotFile(store, dataset, asOf);
	const actual = await sha256File(file).catch(() => undefined);
	if (actual === entry.sha256) return { ref, dataset, asOf, entry, file };
	const remote = await remoteOf(root);
	if (remote && actual === undefined) return { ref, dataset, asOf, entry, file: await fetchRemote(root, remote, entry.sha256, ref, storePath(dataset, asOf)) };
	throw new SnapshotUnavailableError(
		`snapshot ${ref} does not match its manifest (${actual === undefined ? `${storePath(dataset, asOf)} is missing` : `${storePath(dataset, asOf)} has sha256 ${actual.slice(0, 12)}…, the manifest ${entry.sha256.slice(0, 12)}…`}); restore it with \`git checkout -- ${storePath(dataset, asOf)}\` or publish it again`,
	);
}
