import { expect, test } from 'vitest';
import { botServiceDaily } from '../../scripts/demo/bot-service.ts';

const rows = [...botServiceDaily()];
const counts = rows as unknown as Record<string, number>[];
const sum = (key: string) => counts.reduce((total, row) => total + (row[key] ?? 0), 0);

test('the generator is deterministic for a seed and differs across seeds', () => {
	expect([...botServiceDaily()].slice(0, 50)).toEqual(rows.slice(0, 50));
	expect([...botServiceDaily({ seed: 1 })].slice(0, 50)).not.toEqual(rows.slice(0, 50));
});

test('10 markets × 14 intents × 182 days, ending on the as-of day', () => {
	expect(rows.length).toBe(10 * 14 * 182);
	expect(new Set(rows.map((row) => row.market)).size).toBe(10);
	expect(new Set(rows.map((row) => row.intent)).size).toBe(14);
	expect(rows.map((row) => row.date).sort().at(-1)).toBe('2026-11-15');
});

test('rates fall in the ranges of docs/architecture.md, and parts never exceed their whole', () => {
	expect(sum('audited_correct') / sum('audited')).toBeGreaterThan(0.85);
	expect(sum('audited_correct') / sum('audited')).toBeLessThan(0.95);
	expect(sum('resolved') / sum('sessions')).toBeGreaterThan(0.6);
	expect(sum('resolved') / sum('sessions')).toBeLessThan(0.8);
	expect(sum('escalated_to_agent') / sum('sessions')).toBeGreaterThan(0.08);
	expect(sum('escalated_to_agent') / sum('sessions')).toBeLessThan(0.2);
	expect(sum('csat_positive') / sum('csat_responses')).toBeGreaterThan(0.7);
	expect(sum('csat_positive') / sum('csat_responses')).toBeLessThan(0.9);
	expect(rows.some((row) => row.csat_responses === null)).toBe(true);
	for (const r of counts) {
		expect(r.answered).toBeLessThanOrEqual(r.sessions!);
		expect(r.audited_correct).toBeLessThanOrEqual(r.audited!);
		expect(r.resolved! + r.escalated_to_agent!).toBeLessThanOrEqual(r.sessions!);
	}
});
