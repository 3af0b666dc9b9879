/**
 * The snapshot store against the pages that pin it: every pinned `dataset@as_of` is in its
 * dataset's manifest, every snapshot file has the bytes its manifest's checksum names, and (with a
 * git base) no snapshot a page pins was removed or republished with other bytes since the base.
 * A page pinned to a snapshot must show the same numbers forever; these are the rules that keep it so.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSnapshotRef } from '../../schemas/snapshot-ref.ts';
import type { Manifest } from '../snapshot/manifest.ts';
import { storeDir, storePath } from '../snapshot/paths.ts';
import { remoteOf } from '../snapshot/remote.ts';
import { sha256File } from '../snapshot/write.ts';
import { readAt } from '../versions/git.ts';
import type { Handbook, Page, Report } from './handbook.ts';

/** A snapshot ref written on a page: in its frontmatter or as a component's `snapshot="…"`. */
interface Pin {
	page: Page;
	ref: string;
	/** Frontmatter field path, or the body position of a component attribute. */
	at: { path: PropertyKey[] } | { line: number; column: number };
}

export async function checkSnapshots(root: string, handbook: Handbook, report: Report, base?: string): Promise<void> {
	const datasets = new Set(handbook.datasets.map((entry) => entry.data.id));
	const manifests = new Map<string, { text: string; manifest: Manifest } | undefined>();
	const manifestOf = async (dataset: string) => {
		if (!manifests.has(dataset)) manifests.set(dataset, await readManifestText(path.join(root, storePath(dataset), 'manifest.json')));
		return manifests.get(dataset);
	};
	const pinned = new Set<string>();
	for (const pin of pinsOf(handbook, report)) {
		const { dataset, asOf } = parseSnapshotRef(pin.ref);
		// An unknown dataset is reported by the reference check.
		if (!datasets.has(dataset)) continue;
		pinned.add(pin.ref);
		const found = await manifestOf(dataset);
		if (found?.manifest.snapshots.some((entry) => entry.as_of === asOf)) continue;
		const published = found?.manifest.snapshots.map((entry) => `${dataset}@${entry.as_of}`) ?? [];
		const message = found
			? `snapshot "${pin.ref}" is not published; ${storePath(dataset)}/manifest.json lists ${published.join(', ')}`
			: `snapshot "${pin.ref}" is not published: there is no ${storePath(dataset)}/manifest.json; publish it with npm run snapshot -- --dataset ${dataset} --input …`;
		add(report, pin, message);
	}
	await checkBytes(root, report, datasets, manifestOf);
	if (base) await checkAgainstBase(root, base, report, handbook, manifestOf);
}

/** Every well-formed snapshot ref the pages write, with where; a malformed one in a component goes to `report`. */
function pinsOf(handbook: Handbook, report?: Report): Pin[] {
	const pins: Pin[] = [];
	for (const page of [...handbook.pages, ...handbook.translations]) {
		const data = page.data as { kind?: string; snapshot?: string };
		if (data.kind === 'metric-review' && data.snapshot) pins.push({ page, ref: data.snapshot, at: { path: ['snapshot'] } });
		for (const match of page.body.matchAll(/<[A-Z]\w*\b[^>]*?\bsnapshot=["']([^"']*)["']/g)) {
			const before = page.body.slice(0, match.index + match[0].lastIndexOf('snapshot='));
			const line = page.bodyLine + (before.match(/\n/g)?.length ?? 0);
			pins.push({ page, ref: match[1]!, at: { line, column: before.length - before.lastIndexOf('\n') } });
		}
	}
	return pins.filter((pin) => {
		try {
			parseSnapshotRef(pin.ref);
			return true;
		} catch {
			// A malformed ref in the frontmatter is the schema's error; in a component attribute it is ours.
			if ('line' in pin.at) add(report, pin, `"${pin.ref}" is not a snapshot reference such as "bot_service_daily@2026-11-15"`);
			return false;
		}
	});
}

function add(report: Report | undefined, pin: Pin, message: string) {
	if (!report) return;
	if ('path' in pin.at) report.at(pin.page, pin.at.path, message);
	else report.add(pin.page.file, pin.at.line, pin.at.column, 'snapshot', message);
}

/** Every snapshot file in the store has its manifest's bytes (or, with a remote, may be absent). */
async function checkBytes(root: string, report: Report, datasets: Set<string>, manifestOf: (dataset: string) => Promise<{ text: string; manifest: Manifest } | undefined>) {
	const folders = await readdir(path.join(root, storeDir), { withFileTypes: true }).catch(() => []);
	const remote = await remoteOf(root).catch(() => undefined);
	for (const folder of folders.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
		const found = await manifestOf(folder);
		if (!found) continue;
		for (const entry of found.manifest.snapshots) {
			const file = `${storePath(folder)}/${entry.file}`;
			const actual = await sha256File(path.join(root, file)).catch(() => undefined);
			if (actual === entry.sha256 || (actual === undefined && remote)) continue;
			const line = lineOf(found.text, `"as_of": "${entry.as_of}"`);
			report.add(
				actual === undefined ? `${storePath(folder)}/manifest.json` : file,
				actual === undefined ? line : 1,
				1,
				actual === undefined ? `snapshots[${entry.as_of}]` : '',
				actual === undefined
					? `lists ${entry.file}, which is missing; restore it with git checkout -- ${file}, or set snapshots.remote in opsbook.config.yaml if the bytes live in an object store`
					: `does not match its manifest checksum (sha256 ${actual.slice(0, 12)}…, ${storePath(folder)}/manifest.json:${line} says ${entry.sha256.slice(0, 12)}…); a published snapshot never changes: restore it with git checkout -- ${file}`,
			);
		}
		if (!datasets.has(folder)) report.add(`${storePath(folder)}/manifest.json`, 1, 1, '', `no dataset "${folder}" in src/content/datasets/ declares these snapshots`, 'warning');
	}
}

/** Snapshots pinned now that the base's manifests already held: still there, with the same bytes. */
async function checkAgainstBase(root: string, base: string, report: Report, handbook: Handbook, manifestOf: (dataset: string) => Promise<{ text: string; manifest: Manifest } | undefined>) {
	const baseManifests = new Map<string, Manifest | undefined>();
	for (const pin of pinsOf(handbook)) {
		const { dataset, asOf } = parseSnapshotRef(pin.ref);
		if (!baseManifests.has(dataset)) {
			baseManifests.set(dataset, await readAt(root, base, `${storePath(dataset)}/manifest.json`).then((text) => JSON.parse(text) as Manifest, () => undefined));
		}
		const before = baseManifests.get(dataset)?.snapshots.find((entry) => entry.as_of === asOf);
		if (!before) continue;
		const now = (await manifestOf(dataset))?.manifest.snapshots.find((entry) => entry.as_of === asOf);
		if (!now) {
			add(report, pin, `snapshot "${pin.ref}" was removed since ${base}, but this page pins it: a pinned snapshot stays published; restore it with git checkout ${base} -- ${storePath(dataset)}`);
		} else if (now.sha256 !== before.sha256) {
			add(report, pin, `snapshot "${pin.ref}" was republished since ${base} with other bytes (sha256 ${now.sha256.slice(0, 12)}…, was ${before.sha256.slice(0, 12)}…), and this page pins it: publish corrected data under a new --as-of instead`);
		}
	}
}

async function readManifestText(file: string): Promise<{ text: string; manifest: Manifest } | undefined> {
	const text = await readFile(file, 'utf8').catch(() => undefined);
	if (text === undefined) return undefined;
	return { text, manifest: JSON.parse(text) as Manifest };
}

const lineOf = (text: string, needle: string) => {
	const index = text.indexOf(needle);
	return index < 0 ? 1 : text.slice(0, index).split('\n').length;
};
