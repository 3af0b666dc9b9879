/**
 * The calibration quiz of a labeling spec: its positive examples, each asking which label the item
 * gets, in an order fixed by the spec's id and version, so everyone taking the quiz of a version
 * answers the same questions in the same order.
 */
import type { LabelingSpec } from '../schemas/labeling-spec.ts';

export interface QuizQuestion {
	text: string;
	answer: string;
	rationale: string;
}

/** FNV-1a, enough to order questions stably. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export function quizOf(spec: Pick<LabelingSpec, 'id' | 'version' | 'labels'>): QuizQuestion[] {
	return spec.labels
		.flatMap((label) => label.examples.filter((example) => example.verdict === 'positive' && example.quiz !== false).map((example) => ({ text: example.text, answer: label.id, rationale: example.rationale })))
		.sort((a, b) => hash(`${spec.id}@${spec.version}:${a.text}`) - hash(`${spec.id}@${spec.version}:${b.text}`));
}
