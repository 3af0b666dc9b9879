/**
 * The calibration quiz of a labeling spec: which examples it asks, and the order it asks them in,
 * which must be the same for everyone on a spec version and must not be the order of the file.
 */
import { describe, expect, test } from 'vitest';
import { labelingSpec } from '../../src/schemas/labeling-spec.ts';
import { quizOf } from '../../src/lib/quiz.ts';

const example = (verdict: string, text = `a ${verdict} example`, quiz?: boolean) => ({ text, verdict, rationale: 'Because.', ...(quiz === undefined ? {} : { quiz }) });
const ids = ['spam', 'scam', 'gift_fraud', 'self_harm', 'hate', 'nudity', 'violence', 'minor'];
const labels = ids.map((id) => ({ id, name: id, definition: `${id}.`, severity: 'low', examples: [example('negative'), example('positive', `${id} 1`), example('positive', `${id} 2`)] }));
const spec = (id: string, version: string, list: object[] = labels) =>
	labelingSpec.parse({ kind: 'labeling-spec', title: 'T', id, owner: 'ops', status: 'active', version, effective: '2026-01-01', review_by: '2027-01-01', queue: 'q', labels: list });
const keys = (parsed: ReturnType<typeof spec>) => quizOf(parsed).map((question) => question.key);

describe('quizOf', () => {
	test('asks every positive example not marked quiz: false, with its label as the answer and its rationale', () => {
		const parsed = spec('live-gifting', '1.0.0', [
			labels[0]!,
			{ ...labels[1]!, examples: [example('positive', 'hidden', false), example('negative'), example('borderline')] },
		]);
		expect(quizOf(parsed).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
			{ key: 'spam#1', text: 'spam 1', answer: 'spam', rationale: 'Because.' },
			{ key: 'spam#2', text: 'spam 2', answer: 'spam', rationale: 'Because.' },
		]);
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
