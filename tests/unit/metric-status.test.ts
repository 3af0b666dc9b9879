import { describe, expect, test } from 'vitest';
import { changeOf, statusOf } from '../../src/lib/metrics/status.ts';

const accuracy = { direction: 'higher_is_better', target: 0.9, thresholds: { warn: 0.88, critical: 0.85 } } as const;
const escalation = { direction: 'lower_is_better', target: 0.15, thresholds: { warn: 0.17, critical: 0.2 } } as const;

describe('statusOf', () => {
	test.each([
		[0.93, 'on-target'],
		[0.9, 'on-target'],
		[0.89, 'below-target'],
		[0.88, 'below-target'],
		[0.87, 'warn'],
		[0.85, 'warn'],
		[0.84, 'critical'],
		[null, 'none'],
	] as const)('higher is better: %s is %s', (value, status) => {
		expect(statusOf(value, accuracy)).toBe(status);
	});

	test.each([
		[0.12, 'on-target'],
		[0.15, 'on-target'],
		[0.16, 'below-target'],
		[0.18, 'warn'],
		[0.2, 'warn'],
		[0.21, 'critical'],
	] as const)('lower is better: %s is %s', (value, status) => {
		expect(statusOf(value, escalation)).toBe(status);
	});

	test('a metric without target or thresholds has no status', () => {
		expect(statusOf(0.5, { direction: 'lower_is_better' })).toBe('none');
	});
});

test('changeOf says whether a change is good news in the metric’s direction', () => {
	expect(changeOf(0.156, 0.161, { direction: 'lower_is_better', unit: 'ratio' })).toEqual({ delta: expect.closeTo(-0.005, 10), improved: true });
	expect(changeOf(0.89, 0.9, { direction: 'higher_is_better', unit: 'ratio' })).toEqual({ delta: expect.closeTo(-0.01, 10), improved: false });
	expect(changeOf(0.9, 0.9, { direction: 'higher_is_better', unit: 'ratio' })?.improved).toBeUndefined();
	expect(changeOf(null, 0.9, { direction: 'higher_is_better', unit: 'ratio' })).toBeUndefined();
});

test('formatDelta writes ratios in points and a change that rounds to nothing as ±0', async () => {
	const { formatDelta } = await import('../../src/lib/charts/format.ts');
	expect(formatDelta(-0.0049, 'ratio')).toBe('−0.5 pt');
	expect(formatDelta(-0.00002, 'ratio')).toBe('±0.0 pt');
	expect(formatDelta(3.25, 'hours')).toBe('+3.3 h');
	expect(formatDelta(-0.012, 'score')).toBe('−0.01');
	expect(formatDelta(1234, 'count')).toBe('+1,234');
});
