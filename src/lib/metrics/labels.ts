/**
 * The words metric components show for a metric's parts, in the reader's language where the
 * dictionaries have them: dimension names ("Market"), status names ("Short of target"), and what
 * a numerator and a denominator count ("Escalated sessions" of "Sessions").
 */
import type { Metric } from '../../schemas/metric.ts';
import { snakeIdPattern } from '../../schemas/patterns.ts';
import { englishUiStrings, type UiKey } from '../i18n/strings.ts';
import type { Translate } from '../i18n/ui.ts';
import { statusText, type Status } from './status.ts';

/** "model_version" → "Model version": for a column the dictionaries do not name. */
export const humanize = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replaceAll('_', ' ');

/** A dimension's name, e.g. `market` → "Market" (市场). */
export function dimensionLabel(t: Translate, dimension: string): string {
	const key = `opsbook.dimension.${dimension}`;
	return key in englishUiStrings ? t(key as UiKey) : humanize(dimension);
}

/** A status as words and a symbol, never colour alone. */
export function statusLabel(t: Translate, status: Status): { label: string; symbol: string } {
	return { label: t(`opsbook.metricStatus.${status}`), symbol: statusText[status].symbol };
}

/**
 * Column headers for the numerator and the denominator: the catalog's labels, else the column
 * the expression sums when it is a single one ("audited" → "Audited"), else the expression.
 */
export function countLabels(metric: Pick<Metric, 'numerator' | 'denominator' | 'numerator_label' | 'denominator_label'>): { numerator: string; denominator: string } {
	const fallback = (expression: string) => (snakeIdPattern.test(expression) ? humanize(expression) : expression);
	return { numerator: metric.numerator_label ?? fallback(metric.numerator), denominator: metric.denominator_label ?? fallback(metric.denominator) };
}
