/**
 * Labeling specs as each locale reads them, for the routes built per spec (the quizzes): the
 * translation where there is one of the version in force, else the English spec. Runs only inside
 * Astro.
 */
import { docsCollection } from './docs.ts';
import { localizePath, splitLocale, translatedLocales, type Locale } from '../i18n/locales.ts';
import type { DataOf } from '../../schemas/page.ts';

export interface LocalizedSpec {
	/** The locale folder, `undefined` for English: the route's `[...locale]` parameter. */
	locale: Locale;
	spec: DataOf<'labeling-spec'>;
	/** The spec page as this locale serves it. */
	href: string;
	/** No translation in this locale: the spec is shown in English. */
	fallback: boolean;
}

export async function localizedSpecs(): Promise<LocalizedSpec[]> {
	const specs = (await docsCollection()).entries.filter((entry) => {
		const data = entry.data as { kind?: string; archived_of?: string; status?: string };
		// A draft is not in force: there is nothing to be quizzed on yet.
		return data.kind === 'labeling-spec' && !data.archived_of && data.status !== 'draft';
	});
	const sources = specs.filter((entry) => splitLocale(entry.id).locale === undefined);
	return sources.flatMap((source) => {
		const data = source.data as DataOf<'labeling-spec'>;
		const english: LocalizedSpec = { locale: undefined, spec: data, href: `/${source.id}/`, fallback: false };
		return [
			english,
			...translatedLocales.map((locale): LocalizedSpec => {
				const translation = specs.find((entry) => entry.id === `${locale}/${source.id}`);
				// A translation of an older version would quiz the reader on rules no longer in force.
				const current = translation && (translation.data as DataOf<'labeling-spec'>).source_version === data.version;
				return translation && current
					? { locale, spec: translation.data as DataOf<'labeling-spec'>, href: `/${translation.id}/`, fallback: false }
					: { locale, spec: data, href: localizePath(`/${source.id}/`, locale), fallback: true };
			}),
		];
	});
}
