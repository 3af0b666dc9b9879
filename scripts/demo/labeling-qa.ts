import { changelogOf, mondays, weeksBetween } from './calendar.ts';
import { ar1, Random } from './random.ts';

/** Vendors with a persistent quality offset and the markets they label. */
const vendors: Record<string, { offset: number; markets: string[] }> = {
	'in-house': { offset: 0.02, markets: ['US', 'BR', 'ID'] },
	'atlas-bpo': { offset: 0.005, markets: ['PH', 'ID', 'TH', 'VN'] },
	'keystone-labeling': { offset: -0.01, markets: ['BR', 'US', 'PH'] },
	'meridian-data': { offset: -0.02, markets: ['TH', 'VN', 'PH'] },
};

/** Queues with their baseline agreement, class balance (chance agreement) and weekly volume. */
const queues: Record<string, { agreement: number; chance: number; volume: number; spec?: string }> = {
	'live-gifting': { agreement: 0.93, chance: 0.55, volume: 2600, spec: 'specs/live-gifting-fraud.mdx' },
	'live-minor-safety': { agreement: 0.95, chance: 0.7, volume: 900 },
	'bot-intent-annotation': { agreement: 0.9, chance: 0.12, volume: 3200, spec: 'specs/bot-intent-taxonomy.mdx' },
	'comment-spam': { agreement: 0.95, chance: 0.6, volume: 5200 },
	'live-dangerous-acts': { agreement: 0.91, chance: 0.65, volume: 1100 },
};

const marketSize: Record<string, number> = { US: 1.4, BR: 1.2, ID: 1.3, PH: 0.9, TH: 0.8, VN: 0.7 };

export const labelingQaColumns = ['week', 'market', 'queue', 'vendor', 'labeled', 'qa_sampled', 'qa_agree', 'gold_items', 'gold_correct', 'appeals', 'appeals_overturned', 'kappa'] as const;

/**
 * Weekly QA results per market × queue × vendor. Each vendor keeps its offset; a new Meridian
 * team in the Philippines starts 6 points lower and catches up over eight weeks; after each major
 * version of a spec, Keystone's agreement on that queue drops for four weeks while its labelers
 * relearn the changed labels. Kappa is computed from the agreement and the queue's class balance.
 */
export function* labelingQaWeekly({ seed = 7101, end = '2026-11-15', weeks = 26 } = {}) {
	const random = new Random(seed);
	const calendar = mondays(end, weeks);
	const majors = Object.fromEntries(
		Object.entries(queues).map(([queue, q]) => [queue, q.spec ? changelogOf(q.spec).filter((entry) => entry.type === 'major').map((entry) => entry.date) : []]),
	);
	const newTeamStart = calendar[9]!;
	for (const [vendor, v] of Object.entries(vendors)) {
		for (const market of v.markets) {
			for (const [queue, q] of Object.entries(queues)) {
				const noise = ar1(random, weeks, 0.7, 0.008);
				for (const [w, week] of calendar.entries()) {
					let agreement = q.agreement + v.offset + noise[w]!;
					if (vendor === 'meridian-data' && market === 'PH') {
						const since = weeksBetween(newTeamStart, week);
						if (since >= 0) agreement -= Math.max(0, 0.06 * (1 - since / 8));
					}
					if (vendor === 'keystone-labeling') {
						for (const date of majors[queue]!) {
							const since = weeksBetween(date, week);
							if (since >= 0 && since < 4) agreement -= 0.05 * (1 - since / 5);
						}
					}
					agreement = Math.min(0.995, agreement);
					const labeled = Math.max(0, Math.round(random.normal(q.volume * marketSize[market]! * (vendor === 'in-house' ? 0.6 : 1), q.volume * 0.06)));
					const qaSampled = random.binomial(labeled, 0.05);
					const qaAgree = random.binomial(qaSampled, agreement);
					const goldItems = random.binomial(labeled, 0.02);
					const appeals = random.binomial(labeled, 0.006);
					const observed = qaSampled === 0 ? agreement : qaAgree / qaSampled;
					yield {
						week,
						market,
						queue,
						vendor,
						labeled,
						qa_sampled: qaSampled,
						qa_agree: qaAgree,
						gold_items: goldItems,
						gold_correct: random.binomial(goldItems, Math.min(0.99, agreement + 0.01)),
						appeals,
						appeals_overturned: random.binomial(appeals, 0.12 + (0.93 - agreement)),
						kappa: Math.round(((observed - q.chance) / (1 - q.chance)) * 10_000) / 10_000,
					};
				}
			}
		}
	}
}
