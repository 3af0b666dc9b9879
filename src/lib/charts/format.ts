/** How a metric's values read. */
export type Unit = 'ratio' | 'count' | 'hours' | 'score';

/** A value as readers see it: ratios as percentages with one decimal; `extra` digits more when asked. */
export function formatValue(value: number | null, unit: Unit, extra = 0): string {
	if (value === null || Number.isNaN(value)) return '–';
	switch (unit) {
		case 'ratio':
			return `${(value * 100).toFixed(1 + extra)}%`;
		case 'hours':
			return `${value.toFixed(1 + extra)} h`;
		case 'count':
			return Math.round(value).toLocaleString('en');
		case 'score':
			return value.toFixed(2 + extra);
	}
}
/** The tick format Observable Plot takes for a unit. */
export function tickFormat(unit: Unit): string | undefined {
	return unit === 'ratio' ? '.0%' : undefined;
}

/** A change between two values: percentage points for ratios, the unit itself otherwise. */
export function formatDelta(delta: number, unit: Unit): string {
	const size = Math.abs(delta);
	// A change that rounds to nothing reads as no change, not as "−0.0".
	const shown = unit === 'ratio' ? Math.round(size * 1000) : unit === 'score' ? Math.round(size * 100) : unit === 'hours' ? Math.round(size * 10) : Math.round(size);
	const sign = shown === 0 ? '±' : delta > 0 ? '+' : '−';
	switch (unit) {
		case 'ratio':
			return `${sign}${(size * 100).toFixed(1)} pt`;
		case 'hours':
			return `${sign}${size.toFixed(1)} h`;
		case 'score':
			return `${sign}${size.toFixed(2)}`;
		case 'count':
			return `${sign}${Math.round(size).toLocaleString('en')}`;
	}
}

/**
 * A value as the tile shows it, beside its target: at the unit's precision, unless it rounds to
 * the target without being equal to it — then with as many more digits (up to three) as it takes to
 * tell which side of the target it is on, so that "10.0 %" never stands beside "Short of target".
 */
export function formatAgainstTarget(value: number | null, unit: Unit, target?: number): string {
	const shown = formatValue(value, unit);
	if (value === null || target === undefined || value === target || shown !== formatValue(target, unit) || unit === 'count') return shown;
	for (let extra = 1; extra <= 3; extra++) {
		const finer = formatValue(value, unit, extra);
		if (finer !== formatValue(target, unit, extra)) return finer;
	}
	return formatValue(value, unit, 3);
}
