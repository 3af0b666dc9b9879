/**
 * Snapshot bytes kept outside git (`snapshots.remote` in `opsbook.config.yaml`, or the
 * `OPSBOOK_SNAPSHOTS_REMOTE` environment variable, which wins): each file is fetched once by its
 * SHA-256, checked against its manifest, and kept in a local cache that later builds reuse.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { opsbookConfig } from '../../schemas/opsbook-config.ts';
import { problemLine, readContent } from '../content/load.ts';
import { SnapshotError } from './errors.ts';

export const configFile = 'opsbook.config.yaml';

/** The remote base URL in force for the project at `root`, if any. */
export async function remoteOf(root: string): Promise<string | undefined> {
	const fromEnv = process.env.OPSBOOK_SNAPSHOTS_REMOTE;
	if (fromEnv) return fromEnv;
	if (!existsSync(path.join(root, configFile))) return undefined;
	const { parsed, problems } = await readContent(root, configFile, opsbookConfig, { frontmatter: false });
	if (!parsed) {
		throw new SnapshotError(problemLine(configFile, problems[0]!));
	}
	return parsed.data.snapshots.remote;
}

/** Where fetched snapshots are kept between builds, by checksum. */
export const cacheDir = (root: string) => path.join(root, 'node_modules', '.cache', 'opsbook', 'snapshots');

/** The address of a snapshot's bytes in the remote store. */
export const remoteUrl = (remote: string, sha256: string) => `${remote.replace(/\/+$/, '')}/${sha256}.parquet`;

/**
 * Fetches the bytes of `sha256` from `remote` into the cache and returns the cached file; a file
 * already cached is trusted only if its checksum still matches. `ref` and `local` name the snapshot
 * in messages.
 */
export async function fetchRemote(root: string, remote: string, sha256: string, ref: string, local: string): Promise<string> {
	const cached = path.join(cacheDir(root), `${sha256}.parquet`);
	const have = await readFile(cached).catch(() => undefined);
	if (have && digest(have) === sha256) return cached;
	const url = remoteUrl(remote, sha256);
	let response: Response;
	try {
		response = await fetch(url);
	} catch (error) {
		throw new SnapshotError(`snapshot ${ref}: cannot reach ${url} (${(error as Error).cause ?? (error as Error).message}); check snapshots.remote in ${configFile}`);
	}
	if (!response.ok) {
		throw new SnapshotError(
			`snapshot ${ref}: ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; upload ${local} there as ${sha256}.parquet, or check snapshots.remote in ${configFile}`,
		);
	}
	const bytes = Buffer.from(await response.arrayBuffer());
	const found = digest(bytes);
	if (found !== sha256) {
		throw new SnapshotError(
			`snapshot ${ref}: the bytes at ${url} do not match the manifest (sha256 ${found.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…); upload ${local} there again`,
		);
	}
	await mkdir(path.dirname(cached), { recursive: true });
	const temporary = `${cached}.${process.pid}.tmp`;
	await writeFile(temporary, bytes);
	await rename(temporary, cached).catch(async (error: unknown) => {
		await rm(temporary, { force: true });
		throw error;
	});
	return cached;
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
