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
