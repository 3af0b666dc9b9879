import { ar1, Random } from './random.ts';

/** The markets and intents of the demo bot, with their relative sizes. */
const markets: Record<string, { size: number; accuracy: number; escalation: number }> = {
	US: { size: 1.6, accuracy: 0.02, escalation: -0.02 },
	BR: { size: 1.3, accuracy: -0.01, escalation: 0.01 },
	ID: { size: 1.4, accuracy: -0.02, escalation: 0.03 },
	GB: { size: 0.7, accuracy: 0.02, escalation: -0.01 },
	MX: { size: 0.9, accuracy: -0.01, escalation: 0.02 },
	PH: { size: 0.8, accuracy: 0.0, escalation: 0.0 },
	SG: { size: 0.3, accuracy: 0.03, escalation: -0.03 },
	TH: { size: 0.8, accuracy: -0.03, escalation: 0.04 },
	VN: { size: 0.7, accuracy: -0.02, escalation: 0.02 },
	MY: { size: 0.4, accuracy: 0.01, escalation: 0.0 },
};

const intents: Record<string, { share: number; difficulty: number }> = {
	appeal_status: { share: 0.14, difficulty: 0.04 },
	gift_refund: { share: 0.11, difficulty: 0.05 },
	gift_missing: { share: 0.06, difficulty: 0.03 },
	payout_delay: { share: 0.1, difficulty: 0.02 },
	recharge_failed: { share: 0.09, difficulty: 0.01 },
	coin_purchase: { share: 0.07, difficulty: -0.02 },
	account_banned: { share: 0.08, difficulty: 0.06 },
	live_restricted: { share: 0.08, difficulty: 0.05 },
	livestream_eligibility: { share: 0.06, difficulty: -0.01 },
	creator_fund: { share: 0.04, difficulty: 0.0 },
	verify_age: { share: 0.05, difficulty: 0.02 },
	report_user: { share: 0.05, difficulty: 0.01 },
	password_reset: { share: 0.04, difficulty: -0.04 },
	match_ranking: { share: 0.03, difficulty: 0.03 },
};

/** Columns of the raw export, in the order the warehouse writes them. */
export const botServiceColumns = [
	'date',
	'market',
	'intent',
	'sessions',
	'answered',
	'audited',
	'audited_correct',
	'resolved',
	'escalated_to_agent',
	'users',
	'returning_users',
	'csat_responses',
	'csat_positive',
] as const;

export type BotServiceRow = Record<(typeof botServiceColumns)[number], string | number | null>;

/** Sunday–Saturday volume factors: weekends are busier for a live-streaming platform. */
const weekday = [1.25, 0.9, 0.88, 0.9, 0.95, 1.08, 1.3];
const dayMs = 86_400_000;

/**
 * Daily bot-service aggregates ending on `end`, one row per market × intent × day. Rates follow
 * the ranges of docs/architecture.md ("Metrics"); each market carries a persistent offset and
 * AR(1) noise that carries over from day to day; CSAT is missing on the days a market's survey
 * was switched off.
 */
export function* botServiceDaily({ seed = 20261115, end = '2026-11-15', days = 182 } = {}) {
	const random = new Random(seed);
	const endMs = Date.parse(`${end}T00:00:00Z`);
	for (const [market, m] of Object.entries(markets)) {
		const accuracyNoise = ar1(random, days, 0.85, 0.012);
		const escalationNoise = ar1(random, days, 0.8, 0.01);
		const surveyOff = new Set(Array.from({ length: 3 }, () => Math.floor(random.next() * days)));
		for (const [intent, t] of Object.entries(intents)) {
			for (let d = 0; d < days; d++) {
				const dayStart = endMs - (days - 1 - d) * dayMs;
				const date = new Date(dayStart);
				// A slow improvement of the bot over the half-year, as the intent models retrain.
				const trend = (d / days) * 0.02;
				const sessions = Math.max(
					0,
					Math.round(random.normal(1800 * m.size * t.share * weekday[date.getUTCDay()]!, 12)),
				);
				const answered = random.binomial(sessions, 0.965);
				const audited = random.binomial(answered, 0.05);
				const accuracy = 0.905 + m.accuracy - t.difficulty + trend + accuracyNoise[d]!;
				const escalation = 0.135 + m.escalation + t.difficulty - trend / 2 + escalationNoise[d]!;
				const escalated = random.binomial(sessions, escalation);
				const resolved = random.binomial(sessions - escalated, 0.8 + accuracy / 10 - 0.09);
				const users = random.binomial(sessions, 0.86);
				const survey = !surveyOff.has(d);
				const csatResponses = survey ? random.binomial(sessions, 0.12) : null;
				yield {
					date: date.toISOString().slice(0, 10),
					market,
					intent,
					sessions,
					answered,
					audited,
					audited_correct: random.binomial(audited, accuracy),
					resolved,
					escalated_to_agent: escalated,
					users,
					returning_users: random.binomial(users, 0.24 + m.accuracy),
					csat_responses: csatResponses,
					csat_positive:
						csatResponses === null ? null : random.binomial(csatResponses, 0.7 + accuracy / 10),
				} satisfies BotServiceRow;
			}
		}
	}
}
