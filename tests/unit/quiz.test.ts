/**
 * The calibration quiz of a labeling spec: which examples and edge cases it asks, and the order it
 * asks them in, which must be the same for everyone on a spec version and must not be the order of
 * the file.
 */
import { describe, expect, test } from 'vitest';
import { labelingSpec } from '../../src/schemas/labeling-spec.ts';
import { neededToPass, quizOf } from '../../src/lib/quiz.ts';

const example = (verdict: string, text = `a ${verdict} example`, quiz?: boolean) => ({ text, verdict, rationale: 'Because.', ...(quiz === undefined ? {} : { quiz }) });
const ids = ['spam', 'scam', 'gift_fraud', 'self_harm', 'hate', 'nudity', 'violence', 'minor'];
const labels = ids.map((id) => ({ id, name: id, definition: `${id}.`, severity: 'low', examples: [example('negative'), example('positive', `${id} 1`), example('positive', `${id} 2`)] }));
const spec = (id: string, version: string, list: object[] = labels, edge_cases: object[] = []) =>
	labelingSpec.parse({ kind: 'labeling-spec', title: 'T', id, owner: 'ops', status: 'active', version, effective: '2026-01-01', review_by: '2027-01-01', queue: 'q', labels: list, edge_cases });
const keys = (parsed: ReturnType<typeof spec>) => quizOf(parsed).filter((question) => question.kind === 'label').map((question) => question.key);

describe('quizOf', () => {
	test('asks which label a positive example gets, and whether a negative one is the label it is not', () => {
		const parsed = spec('live-gifting', '1.0.0', [
			labels[0]!,
			{ ...labels[1]!, examples: [example('positive', 'hidden', false), example('negative', 'not a scam'), example('borderline')] },
		]);
		const options = parsed.labels.map((label) => ({ value: label.id, text: label.name }));
		expect(quizOf(parsed).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
			{ key: 'scam#1', kind: 'not', text: 'not a scam', label: 'scam', options: [{ value: 'yes', text: 'yes' }, { value: 'no', text: 'no' }], answer: 'no', rationale: 'Because.' },
			{ key: 'spam#0', kind: 'not', text: 'a negative example', label: 'spam', options: [{ value: 'yes', text: 'yes' }, { value: 'no', text: 'no' }], answer: 'no', rationale: 'Because.' },
			{ key: 'spam#1', kind: 'label', text: 'spam 1', options, answer: 'spam', rationale: 'Because.' },
			{ key: 'spam#2', kind: 'label', text: 'spam 2', options, answer: 'spam', rationale: 'Because.' },
		]);
	});

	test('asks the decision of every edge case, among the other cases\' decisions', () => {
		const cases = ['late draw', 'new account', 'unknown chargeback', 'gift from a minor', 'two vendors disagree'].map((name, i) => ({ case: name, decision: `decision ${i}` }));
		const edges = quizOf(spec('live-gifting', '1.0.0', [labels[0]!], cases)).filter((question) => question.kind === 'edge');
		expect(edges.map((question) => question.key).sort()).toEqual(['edge#0', 'edge#1', 'edge#2', 'edge#3', 'edge#4']);
		for (const question of edges) {
			const i = Number(question.key.slice(5));
			expect([question.text, question.answer, question.rationale]).toEqual([cases[i]!.case, question.key, cases[i]!.decision]);
			// Four choices, the right one among them, each a decision of the spec.
			expect(question.options).toHaveLength(4);
			expect(question.options.map((option) => option.value)).toContain(question.key);
			expect(question.options.every((option) => option.text === cases[Number(option.value.slice(5))]!.decision)).toBe(true);
		}
		// The right decision is not always in the same place.
		expect(new Set(edges.map((question) => question.options.findIndex((option) => option.value === question.answer))).size).toBeGreaterThan(1);
		// One edge case alone has nothing to be told from: it is not asked.
		expect(quizOf(spec('live-gifting', '1.0.0', [labels[0]!], cases.slice(0, 1))).some((question) => question.kind === 'edge')).toBe(false);
	});

	test('the pass mark reads as a number of questions: 93 % of 3 needs 3, 80 % of 9 needs 8', () => {
		expect(neededToPass(3, 0.93)).toBe(3);
		expect(neededToPass(9, 0.8)).toBe(8);
		expect(neededToPass(10, 0.9)).toBe(9);
	});

	test('orders the questions by spec and version: the same for everyone on a version, whatever the order of the file', () => {
		const declared = ids.flatMap((id) => [`${id}#1`, `${id}#2`]);
		const order = keys(spec('live-gifting', '1.0.0'));
		// Pinned: a reader who retakes the quiz of 1.0.0 tomorrow meets the questions in this order.
		expect(order).toEqual([
			'violence#2', 'gift_fraud#1', 'spam#2', 'violence#1', 'scam#1', 'hate#1', 'nudity#2', 'scam#2',
			'self_harm#1', 'nudity#1', 'spam#1', 'self_harm#2', 'hate#2', 'minor#1', 'minor#2', 'gift_fraud#2',
		]);
		expect(order).not.toEqual(declared);
		expect(keys(spec('live-gifting', '1.0.0', [...labels].reverse()))).toEqual(order);
	});

	test('another version or another spec asks in another order', () => {
		const order = keys(spec('live-gifting', '1.0.0'));
		const next = keys(spec('live-gifting', '1.1.0'));
		expect(next).not.toEqual(order);
		expect([...next].sort()).toEqual([...order].sort());
		expect(keys(spec('bot-intents', '1.0.0'))).not.toEqual(order);
	});
});
