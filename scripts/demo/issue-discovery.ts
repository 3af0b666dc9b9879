import { mondays } from './calendar.ts';
import { ar1, Random } from './random.ts';

/** Where issues are found, with how many each finds and how often a find is confirmed. */
const sources: Record<string, { volume: number; precision: number }> = {
	user_reports: { volume: 140, precision: 0.32 },
	model_alerts: { volume: 90, precision: 0.58 },
	creator_feedback: { volume: 30, precision: 0.45 },
	manual_patrol: { volume: 25, precision: 0.78 },
	media_monitoring: { volume: 8, precision: 0.7 },
};
/** Issue categories, with their share and typical hours to resolve. */
const categories: Record<string, { share: number; hours: number }> = {
	gifting_abuse: { share: 0.3, hours: 60 },
	ranking_manipulation: { share: 0.2, hours: 90 },
	harmful_trend: { share: 0.15, hours: 30 },
	bug_exploit: { share: 0.2, hours: 120 },
	policy_gap: { share: 0.15, hours: 200 },
};
const markets: Record<string, number> = { US: 1.3, BR: 1.1, ID: 1.2, PH: 0.7, TH: 0.7, VN: 0.6, MX: 0.8, GB: 0.5 };

export const issueDiscoveryColumns = ['week', 'market', 'source', 'category', 'discovered', 'confirmed', 'resolved', 'hours_to_resolve'] as const;

/**
 * Weekly issue-discovery funnel per market × source × category: issues discovered, confirmed as
 * real, resolved, and the hours resolution took in total. Model alerts get more precise after a
 * retrain 10 weeks before the end; the policy-gap backlog clears slowly.
 */
export function* issueDiscoveryWeekly({ seed = 4242, end = '2026-11-15', weeks = 26 } = {}) {
	const random = new Random(seed);
	const calendar = mondays(end, weeks);
	for (const [market, size] of Object.entries(markets)) {
		for (const [source, s] of Object.entries(sources)) {
			const noise = ar1(random, weeks, 0.6, 0.04);
			for (const [category, c] of Object.entries(categories)) {
				for (const [w, week] of calendar.entries()) {
					const precision = Math.min(0.95, Math.max(0.05, s.precision + noise[w]! + (source === 'model_alerts' && w >= weeks - 10 ? 0.12 : 0)));
					const discovered = random.binomial(Math.round(s.volume * size * c.share * 2), 0.5);
					const confirmed = random.binomial(discovered, precision);
					const resolved = random.binomial(confirmed, category === 'policy_gap' ? 0.55 : 0.82);
					const hours = resolved === 0 ? 0 : Math.round(resolved * c.hours * Math.exp(random.normal(0, 0.25)));
					yield { week, market, source, category, discovered, confirmed, resolved, hours_to_resolve: hours };
				}
			}
		}
	}
}
