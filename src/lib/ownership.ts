/** Every live document with who owns it and whether its review is due: the ownership view. */
import { langOf, type Locale } from './i18n/locales.ts';
import { daysFrom, isStale } from './stale.ts';
import { isLiveDocument, type DataOf, type DocumentKind, type PageData } from '../schemas/page.ts';

export interface TranslationState {
	locale: Exclude<Locale, undefined>;
	/** The language tag, e.g. `zh-CN`. */
	lang: string;
	/** The source version it translates. */
	version: string;
	/** The source has a newer version than the one translated. */
	outdated: boolean;
	file: string;
}

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
	/** Past its review date and not deprecated (see lib/stale.ts). */
	stale: boolean;
	file: string;
	translations: TranslationState[];
}

interface Input {
	file: string;
	data: PageData;
}

/**
 * The source documents with their translations (which follow their source's review date, so they
 * are not listed on their own), most overdue first.
 */
export function ownership(pages: Input[], today: string, translations: (Input & { locale: string })[] = []): OwnedDocument[] {
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
				overdue: daysFrom(data.review_by, today),
				stale: isStale(data, today),
				file: page.file,
				translations: translations
					.filter((translation) => isLiveDocument(translation.data) && translation.data.id === data.id)
					.map((translation) => {
						const version = (translation.data as DataOf<DocumentKind>).source_version ?? (translation.data as DataOf<DocumentKind>).version;
						const locale = translation.locale as Exclude<Locale, undefined>;
						return { locale, lang: langOf(locale), version, outdated: version !== data.version, file: translation.file };
					}),
			};
		})
		.sort((a, b) => b.overdue - a.overdue || a.title.localeCompare(b.title));
}
