import { mondays } from './calendar.ts';
import { Random } from './random.ts';

/** Model versions, the week index (of 26) they entered evaluation, and their quality. */
const models: Record<string, { from: number; to: number; precision: number; recall: number }> = {
	'v3.1': { from: 0, to: 14, precision: 0.86, recall: 0.71 },
	'v3.2': { from: 8, to: 26, precision: 0.88, recall: 0.78 },
	'v4.0': { from: 18, to: 26, precision: 0.84, recall: 0.88 },
};
/** The labels the minor-safety models predict, with how many positives a weekly eval set holds. */
const labels: Record<string, { positives: number; difficulty: number }> = {
	apparent_minor_host: { positives: 220, difficulty: 0 },
	minor_in_frame_supervised: { positives: 140, difficulty: 0.08 },
	minor_solicitation: { positives: 60, difficulty: 0.05 },
	unsafe_challenge: { positives: 90, difficulty: 0.03 },
};
const markets = ['US', 'BR', 'ID', 'PH', 'TH', 'GB'];

export const teenSafetyColumns = ['eval_date', 'market', 'model_version', 'label', 'items', 'tp', 'fp', 'fn', 'tn'] as const;

/**
 * Weekly offline evaluations of the minor-safety models on a fresh labeled set per market: the
 * confusion counts of each model version in evaluation that week, by label. v4.0 trades a little
 * precision for much higher recall, the story the evaluation review tells.
 */
export function* teenSafetyEval({ seed = 1818, end = '2026-11-15', weeks = 26 } = {}) {
	const random = new Random(seed);
	const calendar = mondays(end, weeks);
	for (const [w, week] of calendar.entries()) {
		for (const [version, m] of Object.entries(models)) {
			if (w < m.from || w >= m.to) continue;
			const maturity = Math.min(1, (w - m.from + 1) / 4) * 0.02;
			for (const market of markets) {
				for (const [label, l] of Object.entries(labels)) {
					const positives = random.binomial(l.positives * 2, 0.5);
					const items = positives * 10;
					const recall = Math.min(0.98, m.recall - l.difficulty + maturity + random.normal(0, 0.015));
					const precision = Math.min(0.98, m.precision - l.difficulty / 2 + maturity + random.normal(0, 0.015));
					const tp = random.binomial(positives, recall);
					const fp = Math.round((tp * (1 - precision)) / precision);
					yield { eval_date: week, market, model_version: version, label, items, tp, fp, fn: positives - tp, tn: items - positives - fp };
				}
			}
		}
	}
}
