/**
 * What a document names by id, and where: the one walk over a document's references. The validator
 * resolves each of them; the version rules and the review report use the same walk to find the
 * pages that refer to a changed or deleted one.
 */
import type { DataOf, DocumentKind } from '../../schemas/page.ts';

/** An id a document names, at the field path where it is written. */
export interface Reference {
	path: PropertyKey[];
	id: string;
}

/** A page id named by a document, and the kind the named page must be, where it matters. */
export interface PageReference extends Reference {
	kind?: DocumentKind;
}

type Doc = DataOf<DocumentKind>;

// Both walks read a field only where it is there: the validator also walks the fields of a page
// that failed its schema elsewhere (a salvaged page), whose other fields are left out.

/** Every page id the document names: escalation flows, related pages, onboarding items and quizzes. */
export function pageReferences(data: Doc): PageReference[] {
	switch (data.kind) {
		case 'labeling-spec':
			return data.escalates_to ? [{ path: ['escalates_to'], id: data.escalates_to, kind: 'escalation-flow' }] : [];
		case 'sop':
			return (data.related ?? []).map((id, i) => ({ path: ['related', i], id }));
		case 'onboarding-path':
			return (data.days ?? []).flatMap((day, d) =>
				day.items.flatMap((item, i): PageReference[] => [
					...(item.page ? [{ path: ['days', d, 'items', i, 'page'], id: item.page }] : []),
					...(item.quiz ? [{ path: ['days', d, 'items', i, 'quiz'], id: item.quiz, kind: 'labeling-spec' as const }] : []),
				]),
			);
		default:
			return [];
	}
}

/** Every team id the document names: its owner, step teams and owners, the RACI, the team meeting over a review. */
export function teamReferences(data: Doc): Reference[] {
	const refs: Reference[] = data.owner === undefined ? [] : [{ path: ['owner'], id: data.owner }];
	switch (data.kind) {
		case 'escalation-flow':
			data.nodes?.forEach((node, i) => node.team !== undefined && refs.push({ path: ['nodes', i, 'team'], id: node.team }));
			break;
		case 'sop':
			data.steps?.forEach((step, i) => refs.push({ path: ['steps', i, 'owner'], id: step.owner }));
			if (data.raci) {
				refs.push({ path: ['raci', 'accountable'], id: data.raci.accountable });
				for (const role of ['responsible', 'consulted', 'informed'] as const) {
					data.raci[role].forEach((id, i) => refs.push({ path: ['raci', role, i], id }));
				}
			}
			break;
		case 'metric-review':
			if (data.meeting !== undefined) refs.push({ path: ['meeting'], id: data.meeting });
			break;
	}
	return refs;
}

/** Whether `data` names the page `id` anywhere. */
export const refersTo = (data: Doc, id: string) => pageReferences(data).some((reference) => reference.id === id);
