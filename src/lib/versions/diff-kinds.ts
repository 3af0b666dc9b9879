/**
 * What changed between two versions of each kind of document, and how large a step each change
 * needs: removing or renaming a label, a flow step or a placeholder is major; adding one, or a change
 * to what a labeler decides (a severity, an example's verdict, where the tree leads), is minor;
 * wording is a patch.
 */
import type { DecisionNode } from '../../schemas/labeling-spec.ts';
import type { DataOf, DocumentKind } from '../../schemas/page.ts';
import { keyed, members, quote, same, text, value, type Change } from './diff-parts.ts';

type Example = DataOf<'labeling-spec'>['labels'][number]['examples'][number];

function examples(id: string, before: readonly Example[], after: readonly Example[]): Change[] {
	return keyed(
		`example of label \`${id}\``,
		before,
		after,
		(e) => e.text,
		(e) => e.text,
		(x, y, t) => [...value(`verdict of example ${quote(t)} of label \`${id}\``, x.verdict, y.verdict, 'minor'), ...text(`rationale of example ${quote(t)} of label \`${id}\``, x.rationale, y.rationale)],
		{ added: 'patch', removed: 'patch' },
		(t) => quote(t),
	);
}

/** Every answer of the tree, with the question it answers and where it leads. */
function answers(node: DecisionNode | undefined): { question: string; answer: string; to: string }[] {
	return (node?.answers ?? []).flatMap((a) => [
		{ question: node!.question, answer: a.answer, to: a.label ? `label \`${a.label}\`` : `the question ${quote(a.next?.question ?? '')}` },
		...answers(a.next),
	]);
}

/** The tree's shape — answers and where they lead — without the wording of its questions. */
const shape = (node: DecisionNode | undefined): unknown => node?.answers.map((answer) => [answer.answer, answer.label ?? shape(answer.next)]);

function decisionTree(before: DecisionNode | undefined, after: DecisionNode | undefined): Change[] {
	if (same(before, after)) return [];
	if (!before || !after) return [{ bump: 'minor', message: `decision tree ${before ? 'removed' : 'added'}` }];
	if (same(shape(before), shape(after))) {
		// Same answers leading to the same places: only questions were reworded, in the same order.
		const questions = (node: DecisionNode | undefined): string[] => (node ? [node.question, ...node.answers.flatMap((a) => questions(a.next))] : []);
		const [old, now] = [questions(before), questions(after)];
		return old.flatMap((q, i) => text(`decision tree question ${quote(q)}`, q, now[i]));
	}
	return keyed(
		'decision tree: answer',
		answers(before),
		answers(after),
		(a) => `${quote(a.answer)} to ${quote(a.question)}`,
		(a) => `${a.question}\u0000${a.answer}`,
		(x, y, id) => (x.to === y.to ? [] : [{ bump: 'minor', message: `decision tree: answer ${id} now leads to ${y.to} (was ${x.to})` }]),
		{ added: 'minor', removed: 'minor' },
		(id) => id,
	);
}

function labelingSpec(a: DataOf<'labeling-spec'>, b: DataOf<'labeling-spec'>): Change[] {
	return [
		...keyed('label', a.labels, b.labels, (l) => l.id, (l) => l.name, (x, y, id) => [
			...text(`definition of label \`${id}\``, x.definition, y.definition),
			...text(`"not" of label \`${id}\``, x.not, y.not),
			...value(`severity of label \`${id}\``, x.severity, y.severity, 'minor'),
			...value(`name of label \`${id}\``, x.name, y.name, 'patch'),
			...examples(id, x.examples, y.examples),
		]),
		...decisionTree(a.decision_tree, b.decision_tree),
		// Who may read an edge case (`audience`) is not what it says: marking one internal needs no version.
		...keyed('edge case', a.edge_cases, b.edge_cases, (e) => e.case, (e) => e.case, (x, y, c) => text(`decision of edge case ${quote(c)}`, x.decision, y.decision), { added: 'patch', removed: 'patch' }, (c) => quote(c)),
		...value('queue', a.queue, b.queue, 'minor'),
		...value('queue SLA', a.queue_sla, b.queue_sla, 'minor'),
		...value('QA agreement target', a.targets?.qa_agreement, b.targets?.qa_agreement, 'minor'),
		...value('kappa target', a.targets?.kappa, b.targets?.kappa, 'minor'),
		...value('escalation flow', a.escalates_to, b.escalates_to, 'minor'),
		...value('taxonomy', a.taxonomy, b.taxonomy, 'major'),
	];
}

function escalationFlow(a: DataOf<'escalation-flow'>, b: DataOf<'escalation-flow'>): Change[] {
	const edgeKey = (e: { from: string; to: string }) => `${e.from} → ${e.to}`;
	return [
		...keyed('step', a.nodes, b.nodes, (n) => n.id, (n) => n.text, (x, y, id) => [
			...text(`text of step \`${id}\``, x.text, y.text),
			...value(`type of step \`${id}\``, x.type, y.type, 'minor'),
			...value(`team of step \`${id}\``, x.team, y.team, 'minor'),
			...value(`SLA of step \`${id}\``, x.sla, y.sla, 'minor'),
		]),
		...keyed('edge', a.edges, b.edges, edgeKey, edgeKey, (x, y, id) => value(`condition of edge \`${id}\``, x.when, y.when, 'patch'), { added: 'minor', removed: 'minor' }),
		...keyed('severity level', a.severity_levels, b.severity_levels, (l) => l.level, (l) => l.level, (x, y, id) => [
			...text(`meaning of \`${id}\``, x.meaning, y.meaning),
			...value(`acknowledgement SLA of \`${id}\``, x.acknowledge, y.acknowledge, 'minor'),
		]),
	];
}

function replyScript(a: DataOf<'reply-script'>, b: DataOf<'reply-script'>): Change[] {
	return [
		...value('intent', a.intent, b.intent, 'major'),
		...value('channel', a.channel, b.channel, 'major'),
		...keyed('placeholder', a.placeholders, b.placeholders, (p) => p.name, (p) => p.description, (x, y, id) => text(`description of placeholder \`${id}\``, x.description, y.description)),
		...keyed('locale', a.variants, b.variants, (v) => v.locale, (v) => v.locale, (x, y, id) => [
			...text(`${id} text`, x.text, y.text, 'patch', id),
			...value(`${id} tone`, x.tone, y.tone, 'patch'),
		]),
	];
}

function sop(a: DataOf<'sop'>, b: DataOf<'sop'>): Change[] {
	const [x, y] = [a.raci, b.raci];
	return [
		...keyed('step', a.steps, b.steps, (s) => s.id, (s) => s.text, (p, q, id) => [
			...text(`text of step \`${id}\``, p.text, q.text),
			...text(`"done when" of step \`${id}\``, p.done_when, q.done_when),
			...value(`owner of step \`${id}\``, p.owner, q.owner, 'minor'),
		]),
		...(x && y
			? [
					...value('RACI accountable', x.accountable, y.accountable, 'minor'),
					...(['responsible', 'consulted', 'informed'] as const).flatMap((role) => members(`RACI ${role}`, x[role], y[role], 'minor')),
				]
			: x || y
				? [{ bump: 'minor' as const, message: `RACI ${x ? 'removed' : 'added'}` }]
				: []),
		...members('related pages', a.related, b.related, 'patch'),
	];
}

function onboardingPath(a: DataOf<'onboarding-path'>, b: DataOf<'onboarding-path'>): Change[] {
	type Item = DataOf<'onboarding-path'>['days'][number]['items'][number];
	const key = (item: Item) => (item.quiz ? `the quiz of \`${item.quiz}\`` : `page \`${item.page}\``);
	return [
		...text('learners', a.learners, b.learners),
		...Array.from({ length: Math.max(a.days.length, b.days.length) }, (_, i): Change[] => {
			const [x, y] = [a.days[i], b.days[i]];
			const day = `day ${i + 1}`;
			if (!x || !y) return [{ bump: 'minor', message: `${day} ${quote((x ?? y)!.title)} ${x ? 'removed' : 'added'}` }];
			return [
				...text(`title of ${day}`, x.title, y.title),
				...keyed(`${day}:`, x.items, y.items, key, key, (p, q, id) => [...text(`${day}: why of ${id}`, p.why, q.why), ...value(`${day}: minutes of ${id}`, p.minutes, q.minutes, 'patch')], { added: 'minor', removed: 'minor' }, (id) => id),
			];
		}).flat(),
	];
}

/** The changes specific to each kind; a metric review's structure has no version rules. */
export const differs: { [K in DocumentKind]: (before: DataOf<K>, after: DataOf<K>) => Change[] } = {
	'labeling-spec': labelingSpec,
	'escalation-flow': escalationFlow,
	'reply-script': replyScript,
	sop,
	'onboarding-path': onboardingPath,
	'metric-review': () => [],
};
