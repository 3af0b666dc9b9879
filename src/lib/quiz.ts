/**
 * The calibration quiz of a labeling spec: its positive examples, each asking which label the item
 * gets, in an order fixed by the spec's id and version, so everyone taking the quiz of a version
 * answers the same questions in the same order — in every language, since a translation keeps its
 * source's labels and examples in place.
 */
import type { LabelingSpec } from '../schemas/labeling-spec.ts';

export interface QuizQuestion {
	/** Stable within a spec version: the label id and the example's place among its examples. */
	key: string;
	text: string;
	answer: string;
	rationale: string;
}

/** The share of right answers that passes when the spec sets no QA agreement target. */
export const defaultPassMark = 0.8;

/**
 * FNV-1a, then MurmurHash3's finaliser: keys that differ only in their last character (two
 * examples of one label) would otherwise hash close together and be asked one after the other.
 */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

export function quizOf(spec: Pick<LabelingSpec, 'id' | 'version' | 'labels'>): QuizQuestion[] {
	return spec.labels
		.flatMap((label) =>
			label.examples.flatMap((example, index) =>
				example.verdict === 'positive' && example.quiz !== false ? [{ key: `${label.id}#${index}`, text: example.text, answer: label.id, rationale: example.rationale }] : [],
			),
		)
		.sort((a, b) => hash(`${spec.id}@${spec.version}:${a.key}`) - hash(`${spec.id}@${spec.version}:${b.key}`));
}

/**
 * The share of right answers that passes the quiz: the QA agreement the spec's queue is held to,
 * since a labeler who cannot reach it on worked examples will not reach it on the queue.
 */
export function passMark(spec: Pick<LabelingSpec, 'targets'>): number {
	return spec.targets?.qa_agreement ?? defaultPassMark;
}

/** Whether `right` of `total` reaches `mark`. */
export const passes = (right: number, total: number, mark: number) => total > 0 && right / total >= mark - 1e-9;

/** Where the browser keeps the last result of a spec version's quiz (shared with onboarding paths). */
export const quizStorageKey = (id: string, version: string) => `opsbook:quiz:${id}@${version}`;

/** The last result of a quiz, as kept in the browser. */
export interface QuizResult {
	right: number;
	total: number;
	passed: boolean;
}
