import { z } from 'astro/zod';
import { commonFields, snakeId } from './common.ts';

/** A value the bot or agent fills in before sending, written `{{name}}` in the text. */
export const placeholder = z.object({
	/** The name used in the text as `{{name}}`. */
	name: snakeId,
	/** What the value is and where it comes from. */
	description: z.string().min(1),
	/** A realistic value, shown to reviewers. */
	example: z.string().min(1),
});

/** The text for one locale. */
export const variant = z.object({
	/** BCP 47 locale tag such as `en`, `zh-CN`, `pt-BR`. */
	locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a locale tag such as "pt-BR"' }),
	/** The approved text, with `{{placeholder}}` slots. */
	text: z.string().min(1),
	/** The tone the text keeps. */
	tone: z.enum(['empathetic', 'neutral', 'firm']).default('empathetic'),
});

/** An approved reply (macro) for one intent, in each locale. */
export const replyScript = z.object({
	/** Says the page is a reply script, and which schema and component apply. */
	kind: z.literal('reply-script'),
	...commonFields,
	/** The intent label id (from an intent taxonomy spec) this reply answers. */
	intent: snakeId,
	/** Sent by the bot (short bubbles) or by an agent. */
	channel: z.enum(['bot', 'agent']),
	/** Every value the text takes; each must be used in every variant, and no other. */
	placeholders: z.array(placeholder).default([]),
	/** The text in each locale; the handbook's rules say which locales are required. */
	variants: z.array(variant).min(1),
});

export type ReplyScript = z.output<typeof replyScript>;
