/**
 * Plot labels each mark's `<g>` with `aria-label`, which ARIA prohibits on an element without a
 * role. The chart is one image with a name and a description, and its numbers are in the data
 * table beside it: mark it as such, on both sides, so that screen readers announce it once.
 */
export function asAccessibleImage(plot: Element): Element {
	const svg = plot.matches('svg[aria-label]') ? plot : plot.querySelector('svg[aria-label]');
	if (svg) {
		svg.setAttribute('role', 'img');
		for (const group of svg.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
	}
	return plot;
}
