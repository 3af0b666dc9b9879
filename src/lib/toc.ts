/**
 * The headings each document component renders, so that "On this page" can list them. Kept next
 * to nothing Astro-specific so it is unit-tested in plain Node.
 */
import type { PageData } from '../schemas/page.ts';

export interface TocSection {
	slug: string;
	text: string;
}

type Sections = (data: PageData) => (TocSection | false)[];

const components: Record<string, Sections> = {
	LabelingSpec: (data) =>
		data.kind === 'labeling-spec'
			? [Boolean(data.decision_tree) && { slug: 'decision-tree', text: 'Decision tree' }, { slug: 'labels', text: 'Labels' }, data.edge_cases.length > 0 && { slug: 'edge-cases', text: 'Edge cases' }]
			: [],
	EscalationFlow: (data) =>
		data.kind === 'escalation-flow'
			? [data.severity_levels.length > 0 && { slug: 'severity-levels', text: 'Severity levels' }, { slug: 'diagram', text: 'Diagram' }, { slug: 'steps', text: 'Steps' }]
			: [],
	ReplyScript: (data) =>
		data.kind === 'reply-script'
			? [data.placeholders.length > 0 && { slug: 'placeholders', text: 'Placeholders' }, { slug: 'text-by-locale', text: 'Text by locale' }]
			: [],
	OnboardingPath: (data) => (data.kind === 'onboarding-path' ? data.days.map((day, d) => ({ slug: `day-${d + 1}`, text: `Day ${d + 1}: ${day.title}` })) : []),
	Sop: (data) =>
		data.kind === 'sop'
			? [{ slug: 'steps', text: 'Steps' }, Boolean(data.raci) && { slug: 'raci', text: 'RACI' }, data.related.length > 0 && { slug: 'related', text: 'Related pages' }]
			: [],
};

/** The sections of the components used in `body` (as `<Name />`), in the order they appear. */
export function tocSections(body: string, data: PageData): TocSection[] {
	const used = [...body.matchAll(/<([A-Z]\w*)\b/g)].map((match) => match[1]!);
	const sections = [...new Set(used)].flatMap((name) => (components[name]?.(data) ?? []).filter((section) => section !== false));
	// The version history follows the content of every live document with a changelog.
	const history = 'changelog' in data && data.changelog.length > 0 && !('archived_of' in data && data.archived_of) && data.kind !== 'metric-review';
	return history ? [...sections, { slug: 'version-history', text: 'Version history' }] : sections;
}
