import { z } from 'astro/zod';
import { audienceField, kebabId } from './common.ts';

/** A term explained in another language. */
export const termTranslation = z.object({
	/** The term as written in that language, e.g. "金标集". */
	term: z.string().min(1),
	/** The definition, translated. */
	definition: z.string().min(1),
	/** Other spellings and abbreviations in that language. */
	aliases: z.array(z.string()).default([]),
});

/** A term of the operations jargon, explained once and linked from where it is used. */
export const glossaryTerm = z.object({
	/** Stable id, used by `<Term id="…">` in pages. */
	id: kebabId,
	/** The term as written, e.g. "Inter-annotator agreement". */
	term: z.string().min(1),
	/** One or two sentences a new intern understands. */
	definition: z.string().min(1),
	/** Other spellings and abbreviations, e.g. "IAA". */
	aliases: z.array(z.string()).default([]),
	/** Ids of related terms. */
	see_also: z.array(kebabId).default([]),
	/**
	 * The term in the handbook's other languages, by language tag (`zh-CN`); the validator checks the
	 * tags. A language without an entry shows the English term.
	 */
	translations: z.record(z.string(), termTranslation).default({}),
	/**
	 * Who besides the staff may read the term (audience ids, or `vendors`); absent: internal only.
	 * A vendor's site leaves the term out, and `<Term>` there shows its words without a definition.
	 */
	audience: audienceField,
});

/** `src/content/glossary.yaml`: every term, in one list. */
export const glossary = z.array(glossaryTerm).min(1);

export type GlossaryTerm = z.output<typeof glossaryTerm>;

