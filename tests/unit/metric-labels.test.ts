/**
 * The words metric components show: periods in each language, dimension and status names from
 * the dictionaries, and what a numerator and a denominator count.
 */
import { describe, expect, test } from 'vitest';
import { englishUi } from '../../src/lib/i18n/ui.ts';
import { countLabels, dimensionLabel, statusLabel } from '../../src/lib/metrics/labels.ts';
import { formatPeriod } from '../../src/lib/metrics/period.ts';

describe('metric labels', () => {
	test('a period reads as the reviews write it, in English and in Chinese', () => {
		expect(formatPeriod({ start: '2026-11-09', end: '2026-11-15' })).toBe('9–15 Nov 2026');
		expect(formatPeriod({ start: '2026-10-26', end: '2026-11-01' })).toBe('26 Oct – 1 Nov 2026');
		expect(formatPeriod({ start: '2026-11-09', end: '2026-11-15' }, 'zh-CN')).toBe('2026年11月9日–15日');
		expect(formatPeriod({ start: '2026-10-26', end: '2026-11-01' }, 'zh-CN')).toBe('2026年10月26日–11月1日');
		expect(formatPeriod({ start: '2026-12-28', end: '2027-01-03' }, 'zh-CN')).toBe('2026年12月28日–2027年1月3日');
		expect(formatPeriod({ start: '2026-11-09', end: '2026-11-09' }, 'zh-CN')).toBe('2026年11月9日');
	});

	test('dimensions and statuses come from the dictionary; an unknown dimension is humanized', () => {
		expect(dimensionLabel(englishUi, 'model_version')).toBe('Model version');
		expect(dimensionLabel(englishUi, 'market')).toBe('Market');
		expect(dimensionLabel(englishUi, 'payout_channel')).toBe('Payout channel');
		expect(statusLabel(englishUi, 'below-target')).toEqual({ label: 'Short of target', symbol: '◐' });
	});

	test('columns say what they count: the catalog\'s label, else the summed column, else the formula', () => {
		expect(countLabels({ numerator: 'escalated_to_agent', denominator: 'sessions', numerator_label: 'Escalated sessions', denominator_label: 'Sessions' })).toEqual({ numerator: 'Escalated sessions', denominator: 'Sessions' });
		expect(countLabels({ numerator: 'audited_correct', denominator: 'tp + fp' })).toEqual({ numerator: 'Audited correct', denominator: 'tp + fp' });
	});
});
