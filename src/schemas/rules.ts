import { z } from 'astro/zod';

/** Handbook-wide rules the validator enforces, kept in `src/content/rules.yaml`. */
export const rules = z.object({
	/** What every reply script must satisfy. */
	reply_scripts: z.object({
		/** Locales every active reply script must have. */
		required_locales: z.array(z.string()).default(['en']),
		/** Longest text, in characters, per channel: a bot bubble is short. */
		max_length: z.object({
			/** For a bot bubble. */
			bot: z.number().int().positive(),
			/** For a message an agent sends. */
			agent: z.number().int().positive(),
		}),
		/** Phrases no reply may contain, each with the reason shown to the author. */
		banned_phrases: z
			.array(
				z.object({
					/** The phrase, matched anywhere in the text, ignoring case. */
					phrase: z.string().min(1),
					/** Why it is banned, shown to the author with the error. */
					reason: z.string().min(1),
				}),
			)
			.default([]),
	}),
});

export type Rules = z.output<typeof rules>;
