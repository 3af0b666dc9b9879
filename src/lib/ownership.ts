/** Every live document with who owns it and whether its review is due: the ownership view. */
import { isLiveDocument, type DataOf, type DocumentKind, type PageData } from '../schemas/page.ts';

export interface OwnedDocument {
	id: string;
	title: string;
	kind: DocumentKind;
	owner: string;
	status: string;
	version: string;
	effective: string;
	review_by: string;
	/** Days past `review_by` (negative: days left). */
	overdue: number;
	file: string;
}

const dayMs = 86_400_000;

export function ownership(pages: { file: string; data: PageData }[], today: string): OwnedDocument[] {
	return pages
		.filter((page) => isLiveDocument(page.data))
		.map((page) => {
			const data = page.data as DataOf<DocumentKind>;
			return {
				id: data.id,
				title: data.title,
				kind: data.kind,
				owner: data.owner,
				status: data.status,
				version: data.version,
				effective: data.effective,
				review_by: data.review_by,
				overdue: Math.round((Date.parse(today) - Date.parse(data.review_by)) / dayMs),
				file: page.file,
			};
		})
		.sort((a, b) => b.overdue - a.overdue || a.title.localeCompare(b.title));
}

/** Stale: past its review date and not deprecated. */
export const isStale = (doc: OwnedDocument) => doc.overdue > 0 && doc.status !== 'deprecated';
