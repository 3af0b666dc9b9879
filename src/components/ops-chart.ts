/**
 * `<ops-chart>`: a chart drawn at build time that becomes interactive. It holds the build's SVG and
 * data table. At once it redraws the build's rows with Plot at the width of its box, and again
 * whenever that width changes, so that chart text keeps its size on any screen. DuckDB-WASM is
 * imported only when the reader touches a filter or the browser is idle, once per page.
 *
 * `data-state`: `static` (the build's rows) → `loading` → `ready` (rows from DuckDB-WASM in this
 * browser) or `error` (with a visible message; the build's rows stay drawn).
 */
import type { ChartConfig } from '../lib/charts/metric-chart.ts';
import type { Row } from '../lib/query/rows.ts';
import { fill } from '../lib/i18n/template.ts';

type Live = typeof import('../lib/charts/live.ts');
let live: Promise<Live> | undefined;
const loadLive = () => (live ??= import('../lib/charts/live.ts'));
type Draw = typeof import('../lib/charts/draw.ts');
let plot: Promise<Draw> | undefined;
const loadDraw = () => (plot ??= import('../lib/charts/draw.ts'));

class OpsChart extends HTMLElement {
	#config!: ChartConfig;
	#pending: Promise<void> | undefined;
	#generation = 0;
	/** The rows of the drawing on screen, for redrawing at a new width and for the CSV download. */
	#rows: Row[] = [];
	/** The width the chart on screen was drawn at. */
	#drawnWidth = 0;
	#resize = new ResizeObserver(() => void this.#draw());

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!) as ChartConfig;
		this.#rows = this.#config.rows;
		this.#resize.observe(this.#plot);
		const form = this.querySelector('form');
		for (const control of form?.elements ?? []) (control as HTMLSelectElement).disabled = false;
		form?.addEventListener('change', () => void this.redraw());
		form?.addEventListener('submit', (event) => event.preventDefault());
		form?.addEventListener('focusin', () => void this.start(), { once: true });
		form?.addEventListener('pointerenter', () => void this.start(), { once: true });
		const download = this.querySelector<HTMLButtonElement>('.ops-chart__csv');
		if (download) {
			download.hidden = false;
			download.addEventListener('click', () => void this.downloadCsv());
		}
		const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
		idle(() => void this.start());
	}

	disconnectedCallback() {
		this.#resize.disconnect();
	}

	get #plot(): HTMLElement {
		return this.querySelector<HTMLElement>('.ops-chart__plot')!;
	}

	/** Draws the rows on screen at the box's width, when it differs from the drawing's. */
	async #draw(force = false): Promise<void> {
		const width = this.#plot.clientWidth;
		if (width === 0 || (!force && Math.abs(width - this.#drawnWidth) < 1)) return;
		const { drawAtWidth } = await loadDraw();
		this.#drawnWidth = width;
		this.#plot.replaceChildren(drawAtWidth(this.#rows, this.#config.chart, width));
		// Says the drawing on screen fits its box, for tests and anyone waiting on it.
		this.dataset.width = String(Math.round(width));
	}

	/** Loads the engine and redraws once; later calls share the first. */
	start(): Promise<void> {
		this.#pending ??= this.redraw();
		return this.#pending;
	}

	async redraw(): Promise<void> {
		const generation = ++this.#generation;
		this.#setState('loading', this.dataset.loading ?? '');
		try {
			const { rowsFor } = await loadLive();
			const { rows, table } = await rowsFor(this.#config, this.#filters());
			// A newer filter change has started its own drawing: keep only the latest.
			if (generation !== this.#generation) return;
			this.#rows = rows;
			await this.#draw(true);
			this.querySelector('.ops-chart__table')!.innerHTML = table;
			this.#setState('ready', '');
		} catch (error) {
			if (generation !== this.#generation) return;
			this.#setState('error', fill(this.dataset.error ?? '{{error}}', { error: (error as Error).message }));
			console.warn('ops-chart:', error);
		}
	}

	/** Saves the rows on screen, with the filters applied, as a CSV file. */
	async downloadCsv(): Promise<void> {
		await this.start();
		if (this.dataset.state !== 'ready') return;
		const { toCsv } = await loadLive();
		// The name says what the view holds beyond the whole snapshot: chosen dimensions, a narrowed range.
		const narrowed = (name: string, select: HTMLSelectElement) =>
			name === 'from' ? select.selectedIndex > 0 : name === 'to' ? select.selectedIndex < select.options.length - 1 : select.value !== '';
		const filters = [...(this.querySelector('form')?.elements ?? [])]
			.map((control) => control as HTMLSelectElement)
			.filter((select) => select.name && narrowed(select.name, select))
			.map((select) => [select.name, select.value]);
		const name = [this.#config.snapshot.dataset, this.#config.snapshot.asOf, ...filters.map(([key, value]) => `${key}-${value}`)].join('_');
		const link = document.createElement('a');
		link.href = URL.createObjectURL(new Blob([toCsv(this.#rows)], { type: 'text/csv' }));
		link.download = `${name}.csv`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	}

	#filters(): Record<string, string | null> {
		const filters: Record<string, string | null> = {};
		for (const control of this.querySelector('form')?.elements ?? []) {
			const select = control as HTMLSelectElement;
			if (select.name) filters[select.name] = select.value === '' ? null : select.value;
		}
		return filters;
	}

	#setState(state: 'loading' | 'ready' | 'error', message: string) {
		this.dataset.state = state;
		this.querySelector('.ops-chart__status')!.textContent = message;
	}
}

customElements.define('ops-chart', OpsChart);
