/**
 * The UI string files (`src/content/i18n/<lang>.json`) against the English one: a file per language
 * of the handbook, no key that English lacks (a typo would never show), the same `{{values}}` and
 * `<link>` as the English string, and a warning listing what a language has not translated yet
 * (its readers see those strings in English).
 */
import { sourceLang, translatedLangs } from '../i18n/locales.ts';
import { hasLink, templateSlots } from '../i18n/template.ts';
import type { Handbook, Located, Report } from './handbook.ts';
import { hint } from './suggest.ts';

const ours = (key: string) => key.startsWith('opsbook.');
const values = (text: string) => templateSlots(text).join(', ');

export function checkUiStrings(handbook: Handbook, report: Report): void {
	const langOf = (file: Located<unknown>) => file.file.split('/').pop()!.replace(/\.json$/, '');
	const english = handbook.uiStrings.find((file) => langOf(file) === sourceLang);
	if (english) {
		for (const lang of translatedLangs.filter((lang) => !handbook.uiStrings.some((file) => langOf(file) === lang))) {
			report.add(`src/content/i18n/${lang}.json`, 1, 1, '', `no UI strings for ${lang}: its readers see every label in English; copy en.json and translate it`, 'warning');
		}
	}
	for (const file of handbook.uiStrings) {
		const lang = langOf(file);
		if (lang !== sourceLang && !translatedLangs.includes(lang)) {
			report.add(file.file, 1, 1, '', `"${lang}" is not a language of the handbook (${[sourceLang, ...translatedLangs].join(', ')}); languages are set in src/lib/i18n/locales.ts`);
			continue;
		}
		if (!english || file === english) continue;
		const known = Object.keys(english.data).filter(ours);
		for (const [key, text] of Object.entries(file.data)) {
			if (!ours(key)) continue;
			const source = english.data[key];
			if (source === undefined) {
				report.at(file, [key], `no UI string "${key}" in ${english.file}${hint(key, known)}`);
				continue;
			}
			if (values(text) !== values(source)) {
				report.at(file, [key], `uses ${values(text) || 'no value'} where the English string uses ${values(source) || 'no value'}; keep the same values`);
			}
			if (hasLink(text) !== hasLink(source)) {
				report.at(file, [key], hasLink(source) ? 'the English string marks its link as <link>…</link>; mark the linked words the same way' : 'has a <link>…</link> that the English string does not');
			}
		}
		const missing = known.filter((key) => file.data[key] === undefined);
		if (missing.length > 0) {
			const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, … ${missing.length - 5} more` : '');
			report.add(file.file, 1, 1, '', `${missing.length} UI string${missing.length === 1 ? '' : 's'} not translated yet, shown in English: ${list}`, 'warning');
		}
	}
}
