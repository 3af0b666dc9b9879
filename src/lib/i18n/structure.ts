/**
 * What a translation keeps of its source: everything but the words. Ids, labels, severities,
 * verdicts, the shape of a decision tree, flow steps and their teams and SLAs, placeholders, the
 * reply texts themselves (they are what users receive, in each of their locales), procedure steps
 * and owners, path items. A translation of the source's current version must match it here;
 * otherwise its readers would apply a different spec than the English readers.
 */
import type { DecisionNode } from '../../schemas/labeling-spec.ts';
import type { DataOf, DocumentKind } from '../../schemas/page.ts';

type Doc = DataOf<DocumentKind>;
type Shape = unknown;

const tree = (node: DecisionNode | undefined): Shape =>
	node && { answers: node.answers.map((answer) => ({ label: answer.label, next: tree(answer.next) })) };

const byKind: { [K in DocumentKind]: (data: DataOf<K>) => Record<string, Shape> } = {
	'labeling-spec': (data) => ({
		taxonomy: data.taxonomy,
		queue: data.queue,
		queue_sla: data.queue_sla,
		targets: data.targets,
		escalates_to: data.escalates_to,
		labels: data.labels.map((label) => ({ id: label.id, severity: label.severity, examples: label.examples.map((example) => ({ verdict: example.verdict, quiz: example.quiz })) })),
		decision_tree: tree(data.decision_tree),
		edge_cases: data.edge_cases.map((edgeCase) => ({ audience: edgeCase.audience })),
	}),
	'escalation-flow': (data) => ({
		nodes: data.nodes.map((node) => ({ id: node.id, type: node.type, team: node.team, sla: node.sla })),
		edges: data.edges.map((edge) => ({ from: edge.from, to: edge.to, loop: edge.loop })),
		severity_levels: data.severity_levels.map((level) => ({ level: level.level, acknowledge: level.acknowledge })),
	}),
	'reply-script': (data) => ({
		intent: data.intent,
		channel: data.channel,
		placeholders: data.placeholders.map((placeholder) => ({ name: placeholder.name })),
		variants: data.variants.map((variant) => ({ locale: variant.locale, text: variant.text, tone: variant.tone })),
	}),
	sop: (data) => ({
		steps: data.steps.map((step) => ({ id: step.id, owner: step.owner })),
		raci: data.raci,
		related: data.related,
	}),
	'onboarding-path': (data) => ({
		days: data.days.map((day) => ({ items: day.items.map((item) => ({ page: item.page, quiz: item.quiz, minutes: item.minutes })) })),
	}),
	'metric-review': (data) => ({ period: data.period, snapshot: data.snapshot, metrics: data.metrics, meeting: data.meeting }),
};

/** The structure of a document: its words left out, its paths those of the document's fields. */
export function structureOf(data: Doc): Record<string, Shape> {
	// Kind and id are checked on their own, before the structure.
	// A translation's readers are its source's (the audience plan follows the English page), so a
	// page's `audience` is not repeated; an edge case's is, since each page's cases are filtered.
	const common = { owner: data.owner, status: data.status, effective: data.effective, markets: data.markets };
	return { ...common, ...(byKind[data.kind] as (data: Doc) => Record<string, Shape>)(data) };
}

export interface StructuralDifference {
	/** Where, as a field path of the document. */
	path: (string | number)[];
	/** What the source has there, and what the translation has. */
	source: unknown;
	translation: unknown;
}

/** Where a translation's structure departs from its source's, first difference of each branch. */
export function structuralDifferences(source: Doc, translation: Doc): StructuralDifference[] {
	const found: StructuralDifference[] = [];
	const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
		if (Array.isArray(a) && Array.isArray(b)) {
			if (a.length !== b.length) found.push({ path, source: a.length, translation: b.length });
			else a.forEach((item, i) => walk(item, b[i], [...path, i]));
		} else if (a && b && typeof a === 'object' && typeof b === 'object') {
			const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
			for (const key of keys) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]);
		} else if (JSON.stringify(a) !== JSON.stringify(b)) {
			found.push({ path, source: a, translation: b });
		}
	};
	walk(structureOf(source), structureOf(translation), []);
	return found;
}
