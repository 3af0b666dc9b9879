/**
 * The snapshot reference grammar, written once: `dataset@as_of`, e.g.
 * `bot_service_daily@2026-11-15`. Pages pin one in their frontmatter; the snapshot store, the
 * build and the validator all read it through this module.
 */
import { z } from 'astro/zod';
import { snapshotRefPattern } from './patterns.ts';

export { snapshotRefPattern } from './patterns.ts';

const example = 'bot_service_daily@2026-11-15';

/** A published snapshot, written `dataset@as_of`, e.g. `bot_service_daily@2026-11-15`. */
export const snapshotRef = z.string().regex(snapshotRefPattern, { error: `expected dataset@as_of such as "${example}"` });

export interface SnapshotRefParts {
	dataset: string;
	asOf: string;
}

/** Splits `dataset@as_of` into its parts; throws, naming the expected form, on anything else. */
export function parseSnapshotRef(ref: string): SnapshotRefParts {
	const match = snapshotRefPattern.exec(ref);
	if (!match) throw new Error(`"${ref}" is not a snapshot reference such as "${example}"`);
	return { dataset: match[1]!, asOf: match[2]! };
}

/** Writes the parts back as `dataset@as_of`. */
export const formatSnapshotRef = ({ dataset, asOf }: SnapshotRefParts) => `${dataset}@${asOf}`;
