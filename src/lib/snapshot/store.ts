/**
 * A dataset's folder in the snapshot store, on disk: a written snapshot is moved into place and
 * listed in the manifest so that a run killed at any point leaves either the old state or the new
 * one, and the next run rolls back whatever an interrupted one left (`recoverSnapshots`).
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { readManifest, type Manifest, type SnapshotEntry } from './manifest.ts';
import { commit, crashPoint, fsyncPath, sha256File, writeAtomic } from './write.ts';

/**
 * Moves a written snapshot into place and lists it in the manifest. Replacing a snapshot of the
 * same day keeps the old file until the manifest no longer names it, so that an interrupted run
 * can be rolled back (see recoverSnapshots).
 */
export async function replaceSnapshot(folder: string, temporary: string, entry: SnapshotEntry): Promise<void> {
	const target = path.join(folder, entry.file);
	const previous = previousFor(target);
	if (await fileExists(target)) {
		await rename(target, previous);
		await fsyncPath(folder);
	}
	await commit(temporary, target);
	await writeManifest(folder, path.basename(folder), entry);
	await rm(previous, { force: true });
}

export const fileExists = (file: string) => stat(file).then(
	() => true,
	() => false,
);

/** Where the snapshot a run replaces waits until the new manifest is written. */
const previousFor = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.previous`);

/**
 * Undoes what an interrupted run left in a dataset folder: temporary files are removed, and a
 * replaced snapshot whose manifest still names the old file is put back. Runs at the start of
 * every snapshot of the dataset.
 */
export async function recoverSnapshots(folder: string): Promise<string[]> {
	const actions: string[] = [];
	const manifest = await readManifest(folder);
	for (const name of await readdir(folder).catch(() => [] as string[])) {
		const file = path.join(folder, name);
		if (/^\..*\.\d+\.tmp$/.test(name)) {
			await rm(file, { force: true });
			actions.push(`removed ${name}`);
			continue;
		}
		const match = /^\.(.+\.parquet)\.previous$/.exec(name);
		if (!match) continue;
		const target = path.join(folder, match[1]!);
		const listed = manifest?.snapshots.find((entry) => entry.file === match[1]);
		if (listed && listed.sha256 === (await sha256File(file))) {
			await rename(file, target);
			actions.push(`restored ${match[1]} (the manifest still names it)`);
		} else {
			await rm(file, { force: true });
			actions.push(`removed the replaced ${match[1]}`);
		}
	}
	if (actions.length > 0) await fsyncPath(folder);
	return actions;
}

async function writeManifest(folder: string, dataset: string, entry: SnapshotEntry): Promise<void> {
	const previous = await readManifest(folder);
	const snapshots = [...(previous?.snapshots ?? []).filter((s) => s.as_of !== entry.as_of), entry];
	snapshots.sort((a, b) => a.as_of.localeCompare(b.as_of));
	const manifest: Manifest = { dataset, latest: snapshots.at(-1)!.as_of, snapshots };
	await writeAtomic(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	crashPoint('after-manifest');
}
