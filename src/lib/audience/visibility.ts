/**
 * What one audience may read, decided once for the build, the validator and the tests. A page is
 * for the audiences its `audience` names (`vendors`: every vendor) and always for `internal`; a
 * translation or an archived version follows its English, live page, so a vendor never meets a
 * copy of a page that is not theirs.
 */
import { everyVendor, internalAudience, type Audience } from '../../schemas/audience.ts';

/** Whether the reader may read something whose `audience` field is `audience` (absent: internal only). */
export function visibleTo(audience: readonly string[] | undefined, reader: Audience): boolean {
	if (reader.id === internalAudience) return true;
	if (!audience) return false;
	return audience.includes(reader.id) || (reader.kind === 'vendor' && audience.includes(everyVendor));
}

/** The parts of a list the reader may read: entries without `audience` are for everyone who reads the page. */
export function visibleParts<T extends { audience?: readonly string[] }>(parts: readonly T[], reader: Audience): T[] {
	return parts.filter((part) => part.audience === undefined || visibleTo(part.audience, reader));
}

/** The audience a build is for, from `OPSBOOK_AUDIENCE` (default `internal`), or an error saying which ids exist. */
export function readerOf(list: readonly Audience[], id: string | undefined): Audience {
	const wanted = id?.trim() || internalAudience;
	const reader = list.find((entry) => entry.id === wanted);
	if (!reader) {
		throw new Error(`OPSBOOK_AUDIENCE is "${wanted}", which src/content/audiences.yaml does not declare; declared: ${list.map((entry) => entry.id).join(', ')}`);
	}
	return reader;
}
