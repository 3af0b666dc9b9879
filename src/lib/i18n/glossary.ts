/** Glossary terms in the reader's language. */
import type { GlossaryTerm } from '../../schemas/glossary.ts';

/** A term as a reader of `lang` sees it: its translation where there is one, else the English. */
export function termIn(term: GlossaryTerm, lang: string): { term: string; definition: string; aliases: string[]; translated: boolean } {
	const translation = term.translations[lang];
	return translation ? { ...translation, translated: true } : { term: term.term, definition: term.definition, aliases: term.aliases, translated: lang === 'en' };
}
