/** How a metric's values read. */
export type Unit = 'ratio' | 'count' | 'hours' | 'score';

/** A value as readers see it: ratios as percentages with one decimal. */
export function formatValue(value: number | null, unit: Unit): string {
	if (value === null || Number.isNaN(value)) return '–';
	switch (unit) {
		case 'ratio':
			return `${(value * 100).toFixed(1)}%`;
		case 'hours':
			return `${value.toFixed(1)} h`;
		case 'count':
			return Math.round(value).toLocaleString('en');
		case 'score':
			return value.toFixed(2);
	}
}

/** The tick format Observable Plot takes for a unit. */
export function tickFormat(unit: Unit): string | undefined {
	return unit === 'ratio' ? '.0%' : undefined;
}

/** A change between two values: percentage points for ratios, the unit itself otherwise. */
export function formatDelta(delta: number, unit: Unit): string {
	const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
	const size = Math.abs(delta);
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
