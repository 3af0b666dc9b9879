import { describe, expect, test } from 'vitest';
import { labelingSpec } from '../../src/schemas/labeling-spec.ts';
import { replyScript } from '../../src/schemas/reply-script.ts';
import { escalationFlow } from '../../src/schemas/escalation-flow.ts';
import { onboardingPath } from '../../src/schemas/onboarding-path.ts';
import { diffDocuments, requiredBump } from '../../src/lib/versions/diff.ts';
import { bumpBetween, bumped, compareVersions } from '../../src/lib/versions/semver.ts';
import { wordDiff } from '../../src/lib/versions/words.ts';

const common = { title: 'T', id: 'spec', owner: 'ops', status: 'active', version: '1.0.0', effective: '2026-01-01', review_by: '2027-01-01' };
const example = (verdict: string) => ({ text: 'x', verdict, rationale: 'r' });
const label = (id: string, name = id, definition = `${id} definition`) => ({ id, name, definition, severity: 'low', examples: [example('positive'), example('negative')] });
const spec = (labels: object[]) => labelingSpec.parse({ kind: 'labeling-spec', ...common, queue: 'q', labels });

describe('diffDocuments', () => {
	test('a removed label is major, an added one minor, a reworded definition a patch', () => {
		const before = spec([label('gift_fraud'), label('spam')]);
		const after = spec([label('spam', 'spam', 'spam definition, reworded'), label('scam')]);
		const changes = diffDocuments(before, after);
		expect(changes.map((c) => `${c.bump}: ${c.message}`)).toEqual([
			'major: label `gift_fraud` removed',
			'minor: label `scam` added',
			'patch: definition of label `spam` reworded',
		]);
		expect(requiredBump(changes)).toBe('major');
		expect(changes[2]!.words).toEqual([
			{ kind: 'same', text: 'spam definition' },
			{ kind: 'added', text: ', reworded' },
		]);
	});

	test('a label that keeps its name under a new id is a rename, and major', () => {
		const changes = diffDocuments(spec([label('gift_fraud', 'Gift fraud', 'Same.')]), spec([label('gifting_fraud', 'Gift fraud', 'Same.')]));
		expect(changes.map((c) => c.message)).toEqual(['label `gift_fraud` renamed to `gifting_fraud`']);
		expect(requiredBump(changes)).toBe('major');
	});

	test('flow steps and SLAs, reply placeholders and text', () => {
		const flow = (sla: string, extra: object[] = []) =>
			escalationFlow.parse({ kind: 'escalation-flow', ...common, nodes: [{ id: 'start', type: 'start', text: 'Go', sla }, { id: 'end', type: 'end', text: 'Done' }, ...extra], edges: [{ from: 'start', to: 'end' }] });
		expect(diffDocuments(flow('15m', [{ id: 'extra', type: 'end', text: 'Also done' }]), flow('1h')).map((c) => `${c.bump}: ${c.message}`)).toEqual([
			'major: step `extra` removed',
			'minor: SLA of step `start` 15m → 1h',
		]);
		const reply = (text: string, placeholders: string[]) =>
			replyScript.parse({ kind: 'reply-script', ...common, intent: 'refund', channel: 'bot', placeholders: placeholders.map((name) => ({ name, description: name, example: 'x' })), variants: [{ locale: 'en', text }] });
		const changes = diffDocuments(reply('Hi {{name}}, see {{link}}', ['name', 'link']), reply('Hello {{name}}', ['name']));
		expect(changes.map((c) => `${c.bump}: ${c.message}`)).toEqual(['major: placeholder `link` removed', 'patch: en text reworded']);
		expect(changes[1]!.words).toEqual([
			{ kind: 'removed', text: 'Hi' },
			{ kind: 'added', text: 'Hello' },
			{ kind: 'same', text: ' {{name}}' },
			{ kind: 'removed', text: ', see {{link}}' },
		]);
	});

	test('no structural change, no bump', () => {
		expect(requiredBump(diffDocuments(spec([label('a')]), spec([label('a')])))).toBeUndefined();
	});
});

test('semver helpers', () => {
	expect(compareVersions('2.10.0', '2.9.9')).toBeGreaterThan(0);
	expect(bumpBetween('1.2.3', '2.0.0')).toBe('major');
	expect(bumpBetween('1.2.3', '1.3.0')).toBe('minor');
	expect(bumpBetween('1.2.3', '1.2.4')).toBe('patch');
	expect(bumpBetween('1.2.3', '1.2.3')).toBeUndefined();
	expect(bumped('1.2.3', 'minor')).toBe('1.3.0');
});

test('wordDiff keeps the words in common', () => {
	expect(wordDiff('a b c', 'a x c')).toEqual([
		{ kind: 'same', text: 'a ' },
		{ kind: 'removed', text: 'b' },
		{ kind: 'added', text: 'x' },
		{ kind: 'same', text: ' c' },
	]);
});

describe('readable diffs', () => {
	test('a reworded text reads as whole phrases replaced, the deleted words before the inserted ones', () => {
		const before = 'Gifts paid for with stolen or charged-back payment methods, or sent to move money out of the platform.';
		const after = 'Gifts paid for with stolen payment methods or later charged back, or sent to move money out of the platform through a creator who pays it back.';
		expect(wordDiff(before, after)).toEqual([
			{ kind: 'same', text: 'Gifts paid for with stolen ' },
			{ kind: 'removed', text: 'or charged-back payment methods' },
			{ kind: 'added', text: 'payment methods or later charged back' },
			{ kind: 'same', text: ', or sent to move money out of the platform' },
			{ kind: 'added', text: ' through a creator who pays it back' },
			{ kind: 'same', text: '.' },
		]);
		// A placeholder is never swallowed into a replacement: it anchors the reader.
		expect(wordDiff('Hi {{name}}, your appeal is open.', 'Hello {{name}}, your appeal is closed.')).toEqual([
			{ kind: 'removed', text: 'Hi' },
			{ kind: 'added', text: 'Hello' },
			{ kind: 'same', text: ' {{name}}, your appeal is ' },
			{ kind: 'removed', text: 'open' },
			{ kind: 'added', text: 'closed' },
			{ kind: 'same', text: '.' },
		]);
	});

	test('Chinese is cut into words, not compared as one run of characters', () => {
		const words = wordDiff('您的申诉正在审核中。', '您的申诉已经审核完毕。', 'zh-CN');
		expect(words[0]).toEqual({ kind: 'same', text: '您的申诉' });
		expect(words.filter((word) => word.kind !== 'same').map((word) => word.text).join('|')).not.toContain('您的');
	});

	test('structural changes say what changed, not how many', () => {
		const path = (items: object[][], learners = 'new labelers') =>
			onboardingPath.parse({ kind: 'onboarding-path', ...common, learners, days: items.map((dayItems, i) => ({ title: `Day ${i + 1}`, items: dayItems })) });
		const read = (page: string) => ({ page, why: 'Read it.' });
		expect(diffDocuments(path([[read('a')], [read('b')]]), path([[read('a')], [read('b'), { quiz: 'c', why: 'Pass it.' }], [read('d')]])).map((c) => `${c.bump}: ${c.message}`)).toEqual([
			'minor: day 2: the quiz of `c` added',
			'minor: day 3 “Day 3” added',
		]);
		const withExamples = (examples: object[], targets?: object) => labelingSpec.parse({ kind: 'labeling-spec', ...common, queue: 'q', labels: [{ ...label('a'), examples }], targets });
		const said = (text: string, verdict: string) => ({ text, verdict, rationale: 'r' });
		expect(
			diffDocuments(withExamples([said('p', 'positive'), said('n', 'negative')], { qa_agreement: 0.9 }), withExamples([said('p', 'negative'), said('n', 'negative'), said('y', 'negative')], { qa_agreement: 0.93 })).map(
				(c) => `${c.bump}: ${c.message}`,
			),
		).toEqual(['minor: verdict of example “p” of label `a` positive → negative', 'minor: QA agreement target 0.9 → 0.93', 'patch: example of label `a` “y” added']);
	});
});
