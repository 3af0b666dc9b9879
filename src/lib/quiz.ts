/**
 * The calibration quiz of a labeling spec. It asks three kinds of question, so that a reader must
 * tell a label from what it is not: which label a positive example gets; whether a negative example
 * is the label it sits under (it is not); and, for each edge case, which of the spec's decisions
 * applies. Questions come in an order fixed by the spec's id and version, so everyone taking the
 * quiz of a version answers the same questions in the same order — in every language, since a
 * translation keeps its source's labels, examples and edge cases in place.
 */
import type { LabelingSpec } from '../schemas/labeling-spec.ts';

/** `label`: pick the label; `not`: is it this label (yes or no); `edge`: pick the decision. */
export type QuestionKind = 'label' | 'not' | 'edge';

export interface QuizQuestion {
	/** Stable within a spec version: where the item sits in the spec, e.g. `gift_fraud#0`, `edge#2`. */
	key: string;
	kind: QuestionKind;
	/** The item or case the reader judges. */
	text: string;
	/** For `not`: the id of the label asked about. */
	label?: string;
	/**
	 * The choices, as values and their words: label ids for `label` (the spec's labels, in order),
	 * `yes`/`no` for `not` (worded by the page), `edge#i` for `edge` (the spec's decisions).
	 */
	options: { value: string; text: string }[];
	answer: string;
	/** Why the answer holds, shown after the reader checks. */
	rationale: string;
}

/** How many decisions an edge-case question offers at most, the right one among them. */
const edgeChoices = 4;

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

export function quizOf(spec: Pick<LabelingSpec, 'id' | 'version' | 'labels' | 'edge_cases'>): QuizQuestion[] {
	const seed = (key: string) => hash(`${spec.id}@${spec.version}:${key}`);
	const labels = spec.labels.map((label) => ({ value: label.id, text: label.name }));
	const examples = spec.labels.flatMap((label) =>
		label.examples.flatMap((example, index): QuizQuestion[] => {
			if (example.quiz === false) return [];
			const key = `${label.id}#${index}`;
			if (example.verdict === 'positive') return [{ key, kind: 'label', text: example.text, options: labels, answer: label.id, rationale: example.rationale }];
			if (example.verdict === 'negative') return [{ key, kind: 'not', text: example.text, label: label.id, options: [{ value: 'yes', text: 'yes' }, { value: 'no', text: 'no' }], answer: 'no', rationale: example.rationale }];
			return [];
		}),
	);
	// An edge case is asked only when the spec has another decision to tell it from.
	const cases = spec.edge_cases ?? [];
	const edges = cases.length < 2
		? []
		: cases.map((edge, index): QuizQuestion => {
				const key = `edge#${index}`;
				const others = cases.map((_, i) => i).filter((i) => i !== index).sort((a, b) => seed(`${key}/${a}`) - seed(`${key}/${b}`)).slice(0, edgeChoices - 1);
				const options = [index, ...others].sort((a, b) => seed(`${key}:${a}`) - seed(`${key}:${b}`)).map((i) => ({ value: `edge#${i}`, text: cases[i]!.decision }));
				return { key, kind: 'edge', text: edge.case, options, answer: key, rationale: edge.decision };
			});
	return [...examples, ...edges].sort((a, b) => seed(a.key) - seed(b.key));
}

/** How many right answers out of `total` reach `mark`: "3 of 3 needed". */
export const neededToPass = (total: number, mark: number) => Math.ceil(total * mark - 1e-9);

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
