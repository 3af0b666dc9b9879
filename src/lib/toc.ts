/**
 * The headings each document component renders, so that "On this page" can list them. Kept next
 * to nothing Astro-specific so it is unit-tested in plain Node; the site passes the page's UI
 * strings, the tests get the English ones.
 */
import { hasVersionHistory, type PageData } from '../schemas/page.ts';
import type { UiKey } from './i18n/strings.ts';
import { englishUi } from './i18n/ui.ts';

export interface TocSection {
	slug: string;
	text: string;
}

type Text = (key: UiKey, values?: Record<string, string | number>) => string;
type Sections = (data: PageData, t: Text) => (TocSection | false)[];

const components: Record<string, Sections> = {
	LabelingSpec: (data, t) =>
		data.kind === 'labeling-spec'
			? [
					Boolean(data.decision_tree) && { slug: 'decision-tree', text: t('opsbook.spec.decisionTree') },
					{ slug: 'labels', text: t('opsbook.spec.labels') },
					data.edge_cases.length > 0 && { slug: 'edge-cases', text: t('opsbook.spec.edgeCases') },
				]
			: [],
	EscalationFlow: (data, t) =>
		data.kind === 'escalation-flow'
			? [
					data.severity_levels.length > 0 && { slug: 'severity-levels', text: t('opsbook.flow.severityLevels') },
					{ slug: 'diagram', text: t('opsbook.flow.diagram') },
					{ slug: 'steps', text: t('opsbook.flow.steps') },
				]
			: [],
	ReplyScript: (data, t) =>
		data.kind === 'reply-script'
			? [data.placeholders.length > 0 && { slug: 'placeholders', text: t('opsbook.reply.placeholders') }, { slug: 'text-by-locale', text: t('opsbook.reply.textByLocale') }]
			: [],
	OnboardingPath: (data, t) => (data.kind === 'onboarding-path' ? data.days.map((day, d) => ({ slug: `day-${d + 1}`, text: t('opsbook.path.day', { day: d + 1, title: day.title }) })) : []),
	Sop: (data, t) =>
		data.kind === 'sop'
			? [
					{ slug: 'steps', text: t('opsbook.sop.steps') },
					Boolean(data.raci) && { slug: 'raci', text: t('opsbook.sop.raci') },
					data.related.length > 0 && { slug: 'related', text: t('opsbook.sop.related') },
				]
			: [],
};

/** The sections of the components used in `body` (as `<Name />`), in the order they appear. */
export function tocSections(body: string, data: PageData, t: Text = englishUi): TocSection[] {
	const used = [...body.matchAll(/<([A-Z]\w*)\b/g)].map((match) => match[1]!);
	const sections = [...new Set(used)].flatMap((name) => (components[name]?.(data, t) ?? []).filter((section) => section !== false));
	// The version history follows the content of every document that has one.
	return hasVersionHistory(data) ? [...sections, { slug: 'version-history', text: t('opsbook.history.title') }] : sections;
}
