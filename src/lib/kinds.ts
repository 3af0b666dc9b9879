import type { DocumentKind } from '../schemas/page.ts';

/** How each document kind is named to readers. */
export const documentKindNames: Record<DocumentKind, string> = {
	'labeling-spec': 'Labeling spec',
	'escalation-flow': 'Escalation flow',
	'reply-script': 'Reply script',
	sop: 'SOP',
	'onboarding-path': 'Onboarding path',
	'metric-review': 'Metric review',
};
