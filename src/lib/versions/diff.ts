/**
 * The structured difference between two versions of a document: what a reviewer must know
 * ("label `gift_fraud` removed", "SLA of step `triage` 15m → 1h", "day 2: page `vendor-calibration`
 * added") and how large a version step it needs. The rules per kind are in diff-kinds.ts.
 */
import type { DataOf, DocumentKind } from '../../schemas/page.ts';
import { differs } from './diff-kinds.ts';
import { members, same, text, value, type Change } from './diff-parts.ts';
import { bumpRank, type Bump } from './semver.ts';

export type { Change } from './diff-parts.ts';

type Doc = DataOf<DocumentKind>;

/** Every structural change from `before` to `after`, most severe first. */
export function diffDocuments(before: Doc, after: Doc): Change[] {
	if (before.kind !== after.kind) return [{ bump: 'major', message: `kind ${before.kind} → ${after.kind}` }];
	const common = [
		...text('title', before.title, after.title),
		...value('status', before.status, after.status, 'minor'),
		...value('owner', before.owner, after.owner, 'minor'),
		...(before.markets.length === 0 || after.markets.length === 0
			? same(before.markets, after.markets)
				? []
				: [{ bump: 'minor' as const, message: `markets ${before.markets.join(', ') || 'all'} → ${after.markets.join(', ') || 'all'}` }]
			: members('markets', before.markets, after.markets, 'minor')),
	];
	const specific = (differs[after.kind] as (a: Doc, b: Doc) => Change[])(before, after);
	return [...common, ...specific].sort((x, y) => bumpRank[y.bump] - bumpRank[x.bump]);
}

/** The smallest version step that covers every change, or none for no change. */
export function requiredBump(changes: readonly Change[]): Bump | undefined {
	return changes.reduce<Bump | undefined>((largest, change) => (!largest || bumpRank[change.bump] > bumpRank[largest] ? change.bump : largest), undefined);
}
