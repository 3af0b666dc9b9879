import { changelogOf, mondays, weeksBetween } from './calendar.ts';
import { Random } from './random.ts';

const actions: Record<string, { share: number; appealRate: number }> = {
	warning: { share: 0.45, appealRate: 0.08 },
	gift_suspension: { share: 0.25, appealRate: 0.18 },
	demonetization_7d: { share: 0.17, appealRate: 0.3 },
	demonetization_30d: { share: 0.1, appealRate: 0.42 },
	permanent: { share: 0.03, appealRate: 0.6 },
};
const violations: Record<string, { share: number; overturn: number }> = {
	gifting_fraud: { share: 0.35, overturn: 0.08 },
	ranking_manipulation: { share: 0.3, overturn: 0.14 },
	match_abuse: { share: 0.2, overturn: 0.2 },
	harmful_content: { share: 0.15, overturn: 0.1 },
};
const markets: Record<string, number> = { US: 1.2, BR: 1.3, ID: 1.4, PH: 0.8, TH: 0.9, VN: 0.8, MX: 0.9, MY: 0.4 };

export const monetizationColumns = ['week', 'market', 'action_type', 'violation', 'actions', 'appeals', 'appeals_decided', 'appeals_overturned'] as const;

/**
 * Weekly LIVE monetization-governance actions per market × action × violation, with appeals and
 * their outcomes by decision week. After the gifting-fraud spec's major version, overturns of
 * gifting-fraud actions run high for five weeks: labelers applied the new split unevenly.
 */
export function* monetizationActionsWeekly({ seed = 9090, end = '2026-11-15', weeks = 26 } = {}) {
	const random = new Random(seed);
	const calendar = mondays(end, weeks);
	const major = changelogOf('specs/live-gifting-fraud.mdx').find((entry) => entry.type === 'major')?.date;
	for (const [market, size] of Object.entries(markets)) {
		for (const [action, a] of Object.entries(actions)) {
			for (const [violation, v] of Object.entries(violations)) {
				for (const week of calendar) {
					const count = random.binomial(Math.round(420 * size * a.share * v.share * 2), 0.5);
					const appeals = random.binomial(count, a.appealRate);
					const decided = random.binomial(appeals, 0.9);
					const since = major ? weeksBetween(major, week) : -1;
					const bump = violation === 'gifting_fraud' && since >= 0 && since < 5 ? 0.12 : 0;
					yield { week, market, action_type: action, violation, actions: count, appeals, appeals_decided: decided, appeals_overturned: random.binomial(decided, v.overturn + bump) };
				}
			}
		}
	}
}
