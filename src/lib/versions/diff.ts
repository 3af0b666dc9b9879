/**
 * The structured difference between two versions of a document: what a reviewer must know
 * ("label `gift_fraud` removed", "SLA of step `triage` 15m → 1h") and how large a version step it
 * needs. Removing or renaming a label, a flow step or a placeholder is major; adding one is minor;
 * wording is a patch.
 */
import type { DecisionNode } from '../../schemas/labeling-spec.ts';
import type { DataOf, DocumentKind } from '../../schemas/page.ts';
import { bumpRank, type Bump } from './semver.ts';
import { wordDiff, type WordChange } from './words.ts';

export interface Change {
	bump: Bump;
	/** One line for people, with ids in backticks. */
	message: string;
	/** The word-level change of a text, where there is one. */
	words?: WordChange[];
	/** An item of a keyed list (a label, a step, a placeholder) that was added, removed or renamed. */
	item?: { what: string; id: string; action: 'added' | 'removed' | 'renamed' };
}

type Doc = DataOf<DocumentKind>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changes of a keyed list: added, removed (and renamed, when an item kept its name), changed. */
function keyed<T>(
	what: string,
	before: readonly T[],
	after: readonly T[],
	key: (item: T) => string,
	name: (item: T) => string,
	compare: (a: T, b: T, id: string) => Change[],
	sizes: { added: Bump; removed: Bump } = { added: 'minor', removed: 'major' },
): Change[] {
	const changes: Change[] = [];
	const old = new Map(before.map((item) => [key(item), item]));
	const now = new Map(after.map((item) => [key(item), item]));
	const removed = [...old.keys()].filter((id) => !now.has(id));
	const added = [...now.keys()].filter((id) => !old.has(id));
	for (const id of removed) {
		const renamedTo = added.find((other) => name(now.get(other)!) === name(old.get(id)!));
		if (renamedTo) {
			changes.push({ bump: 'major', message: `${what} \`${id}\` renamed to \`${renamedTo}\``, item: { what, id, action: 'renamed' } });
			added.splice(added.indexOf(renamedTo), 1);
			changes.push(...compare(old.get(id)!, now.get(renamedTo)!, renamedTo));
		} else changes.push({ bump: sizes.removed, message: `${what} \`${id}\` removed`, item: { what, id, action: 'removed' } });
	}
	for (const id of added) changes.push({ bump: sizes.added, message: `${what} \`${id}\` added`, item: { what, id, action: 'added' } });
	for (const [id, item] of now) if (old.has(id)) changes.push(...compare(old.get(id)!, item, id));
	return changes;
}

function text(what: string, before: string | undefined, after: string | undefined, bump: Bump = 'patch'): Change[] {
	if (before === after) return [];
	if (before === undefined) return [{ bump, message: `${what} added` }];
	if (after === undefined) return [{ bump, message: `${what} removed` }];
	return [{ bump, message: `${what} reworded`, words: wordDiff(before, after) }];
}

function value(what: string, before: unknown, after: unknown, bump: Bump): Change[] {
	return same(before, after) ? [] : [{ bump, message: `${what} ${String(before ?? '—')} → ${String(after ?? '—')}` }];
}

/**
 * Who may read a part is not what the part says: marking an edge case internal changes no rule a
 * labeler applies, and needs no new version.
 */
const withoutAudience = <T extends { audience?: unknown }>(parts: readonly T[]) => parts.map(({ audience: _, ...rest }) => rest);

/** The tree's shape — answers and where they lead — without the wording of its questions. */
function shape(node: DecisionNode | undefined): unknown {
	return node?.answers.map((answer) => [answer.answer, answer.label ?? shape(answer.next)]);
}

function labelingSpec(a: DataOf<'labeling-spec'>, b: DataOf<'labeling-spec'>): Change[] {
	return [
		...keyed('label', a.labels, b.labels, (l) => l.id, (l) => l.name, (x, y, id) => [
			...text(`definition of label \`${id}\``, x.definition, y.definition),
			...text(`"not" of label \`${id}\``, x.not, y.not),
			...value(`severity of label \`${id}\``, x.severity, y.severity, 'minor'),
			...value(`name of label \`${id}\``, x.name, y.name, 'patch'),
			...(same(x.examples, y.examples) ? [] : [{ bump: 'patch' as const, message: `examples of label \`${id}\`: ${x.examples.length} → ${y.examples.length}` }]),
		]),
		...(same(shape(a.decision_tree), shape(b.decision_tree))
			? same(a.decision_tree, b.decision_tree)
				? []
				: [{ bump: 'patch' as const, message: 'decision tree questions reworded' }]
			: [{ bump: 'minor' as const, message: 'decision tree changed: answers or the labels they lead to' }]),
		...(same(withoutAudience(a.edge_cases), withoutAudience(b.edge_cases)) ? [] : [{ bump: 'patch' as const, message: `edge cases: ${a.edge_cases.length} → ${b.edge_cases.length}` }]),
		...value('queue', a.queue, b.queue, 'minor'),
		...value('queue SLA', a.queue_sla, b.queue_sla, 'minor'),
		...(same(a.targets, b.targets) ? [] : [{ bump: 'minor' as const, message: 'agreement targets changed' }]),
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
			...text(`${id} text`, x.text, y.text),
			...value(`${id} tone`, x.tone, y.tone, 'patch'),
		]),
	];
}

function sop(a: DataOf<'sop'>, b: DataOf<'sop'>): Change[] {
	return [
		...keyed('step', a.steps, b.steps, (s) => s.id, (s) => s.text, (x, y, id) => [
			...text(`text of step \`${id}\``, x.text, y.text),
			...text(`"done when" of step \`${id}\``, x.done_when, y.done_when),
			...value(`owner of step \`${id}\``, x.owner, y.owner, 'minor'),
		]),
		...(same(a.raci, b.raci) ? [] : [{ bump: 'minor' as const, message: 'RACI changed' }]),
		...(same(a.related, b.related) ? [] : [{ bump: 'patch' as const, message: 'related pages changed' }]),
	];
}

function onboardingPath(a: DataOf<'onboarding-path'>, b: DataOf<'onboarding-path'>): Change[] {
	return [
		...text('learners', a.learners, b.learners),
		...(same(a.days, b.days) ? [] : [{ bump: 'minor' as const, message: `days or items changed (${a.days.length} → ${b.days.length} days)` }]),
	];
}

/** The changes specific to each kind; a metric review's structure has no version rules. */
const differs: { [K in DocumentKind]: (before: DataOf<K>, after: DataOf<K>) => Change[] } = {
	'labeling-spec': labelingSpec,
	'escalation-flow': escalationFlow,
	'reply-script': replyScript,
	sop,
	'onboarding-path': onboardingPath,
	'metric-review': () => [],
};

/** Every structural change from `before` to `after`, most severe first. */
export function diffDocuments(before: Doc, after: Doc): Change[] {
	if (before.kind !== after.kind) return [{ bump: 'major', message: `kind ${before.kind} → ${after.kind}` }];
	const common = [
		...text('title', before.title, after.title),
		...value('status', before.status, after.status, 'minor'),
		...value('owner', before.owner, after.owner, 'minor'),
		...(same(before.markets, after.markets) ? [] : [{ bump: 'minor' as const, message: `markets ${before.markets.join(', ') || 'all'} → ${after.markets.join(', ') || 'all'}` }]),
	];
	const specific = (differs[after.kind] as (a: Doc, b: Doc) => Change[])(before, after);
	return [...common, ...specific].sort((x, y) => bumpRank[y.bump] - bumpRank[x.bump]);
}

/** The smallest version step that covers every change, or none for no change. */
export function requiredBump(changes: readonly Change[]): Bump | undefined {
	return changes.reduce<Bump | undefined>((largest, change) => (!largest || bumpRank[change.bump] > bumpRank[largest] ? change.bump : largest), undefined);
}
