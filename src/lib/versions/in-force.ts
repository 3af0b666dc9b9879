/** Which version of a document applied on a given day, from the versions' effective dates. */

export interface VersionSpan {
	version: string;
	effective: string;
	href: string;
}

/** The version whose effective date is the latest on or before `day`, if any. */
export function inForceOn(versions: readonly VersionSpan[], day: string): VersionSpan | undefined {
	return [...versions].filter((v) => v.effective <= day).sort((a, b) => b.effective.localeCompare(a.effective))[0];
}
