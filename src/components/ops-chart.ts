/**
 * `<ops-chart>`: a chart drawn at build time that becomes interactive. It holds the build's SVG and
 * data table. At once it redraws the build's rows with Plot at the width of its box, and again
 * whenever that width changes, so that chart text keeps its size on any screen.
 *
 * A filter change is answered from the chart's prepared aggregates (`charts/prepared.ts`, a small
 * file fetched when the chart comes within 1250 px of the viewport, or the reader reaches for it)
 * and drawn with Plot alone. Only a
 * combination the build did not prepare — two declared filters at once — imports DuckDB-WASM
 * (`charts/live.ts`): nothing loads the engine on load, on idle, or for a declared filter.
 *
 * `data-state`: `static` (the build's drawing) → `ready` (drawn in this browser and interactive) →
 * `loading` while a filter change is answered → `ready`, or `error` (with a visible message; the
 * rows on screen stay drawn). After each filter change the element fires `ops-chart:drawn`, whose
 * `detail.answeredBy` (also `data-answered-by`) says whether the `prepared` aggregates or the
 * `engine` answered it.
 */
import { answerFromPrepared } from '../lib/charts/answer.ts';
import { toCsv } from '../lib/charts/csv.ts';
import type { ChartConfig } from '../lib/charts/metric-chart.ts';
import { loadPrepared } from '../lib/charts/prepared-file.ts';
import { chartTableHtml } from '../lib/charts/table.ts';
import { fill } from '../lib/i18n/template.ts';
import type { Row } from '../lib/query/rows.ts';

type Live = typeof import('../lib/charts/live.ts');
let live: Promise<Live> | undefined;
const loadLive = () => (live ??= import('../lib/charts/live.ts'));
type Draw = typeof import('../lib/charts/draw.ts');
let plot: Promise<Draw> | undefined;
const loadDraw = () => (plot ??= import('../lib/charts/draw.ts'));
/** How far below (or above) the viewport a chart starts fetching its prepared file, in CSS pixels. */
const prefetchDistance = 1250;
/** How far off its box (a share of its width) a drawing may be before it is redrawn. */
const redrawBeyond = 0.02;

class OpsChart extends HTMLElement {
	#config!: ChartConfig;
	#generation = 0;
	/** The rows of the drawing on screen, for redrawing at a new width and for the CSV download. */
	#rows: Row[] = [];
	/** The width the chart on screen was drawn at: the build's, until the browser redraws it. */
	#drawnWidth = 0;
	// A redraw whose Plot cannot be fetched (offline, or a tab kept open across a deploy) says so,
	// and the drawing on screen stays.
	#resize = new ResizeObserver(() => void this.#draw().catch((error: Error) => this.#failed(error)));
	/** Watches for the chart coming near the viewport, to fetch its prepared file before it is needed. */
	#near!: IntersectionObserver;

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!) as ChartConfig;
		this.#rows = this.#config.rows;
		// The build's drawing for this box (wide or narrow, by the box's width) stands until the box
		// is more than `redrawBeyond` off it: where it fits, Plot is not even loaded.
		const shown = [...this.#plot.querySelectorAll<HTMLElement>(':scope > .ops-chart__svg')].find((layout) => layout.getBoundingClientRect().width > 0);
		this.#drawnWidth = Number(shown?.querySelector('svg[viewBox]')?.getAttribute('width') ?? 0);
		this.#resize.observe(this.#plot);
		void this.#draw().then(
			() => this.dataset.state === 'static' && this.#setState('ready', ''),
			(error: Error) => this.#failed(error),
		);
		const form = this.querySelector('form');
		for (const control of form?.elements ?? []) (control as HTMLSelectElement).disabled = false;
		form?.addEventListener('change', () => void this.redraw());
		form?.addEventListener('submit', (event) => event.preventDefault());
		// The prepared file is small (a few KiB compressed): fetch it, and parse and check it, once the
		// chart comes within 1250 px of the viewport — the distance at which Chromium starts loading a
		// lazy image — so that it is here by the time the reader's first filter changes; a chart the
		// reader never scrolls near costs nothing. A pointer, a touch or focus on the chart (a link to
		// a filter, the keyboard) fetches it too, wherever the chart is.
		const prefetch = () => {
			this.#near.disconnect();
			void loadPrepared(this.#config).catch(() => {});
		};
		this.#near = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && prefetch(), { rootMargin: `${prefetchDistance}px 0px` });
		this.#near.observe(this);
		for (const event of ['pointerenter', 'touchstart', 'focusin']) this.addEventListener(event, prefetch, { once: true, passive: true });
		const download = this.querySelector<HTMLButtonElement>('.ops-chart__csv');
		if (download) {
			download.hidden = false;
			download.addEventListener('click', () => this.downloadCsv());
		}
	}

	disconnectedCallback() {
		this.#resize.disconnect();
		this.#near.disconnect();
	}

	get #plot(): HTMLElement {
		return this.querySelector<HTMLElement>('.ops-chart__plot')!;
	}

	/**
	 * Draws the rows on screen at the box's width (always, when `force`d by new rows), when the
	 * drawing on screen is more than `redrawBeyond` wider or narrower than its box: until then it
	 * scales to the box, its text too little to see.
	 */
	async #draw(force = false): Promise<void> {
		const width = this.#plot.clientWidth;
		if (width === 0) return;
		if (force || Math.abs(width - this.#drawnWidth) > redrawBeyond * this.#drawnWidth) {
			const { drawAtWidth } = await loadDraw();
			this.#drawnWidth = width;
			this.#plot.replaceChildren(drawAtWidth(this.#rows, this.#config.chart, width));
		}
		// Says the drawing on screen fits its box, for tests and anyone waiting on it.
		this.dataset.width = String(Math.round(width));
	}

	/** Redraws the chart for the filters chosen now: from the prepared aggregates, or by the engine. */
	async redraw(): Promise<void> {
		const generation = ++this.#generation;
		const filters = this.#filters();
		this.#setState('loading', '');
		try {
			// Measured for `npm run bench`, which times a filter change's parts apart.
			const asked = performance.now();
			const data = await loadPrepared(this.#config);
			const answering = performance.now();
			const prepared = answerFromPrepared(data, this.#config.query, filters);
			performance.measure('opsbook:prepared-file', { start: asked, end: answering });
			performance.measure('opsbook:answer', { start: answering, end: performance.now() });
			let rows = prepared;
			if (!rows) {
				this.#setState('loading', this.dataset.loading ?? '');
				rows = await (await loadLive()).rowsFor(this.#config, filters);
			}
			// A newer filter change has started its own drawing: keep only the latest.
			if (generation !== this.#generation) return;
			this.#rows = rows;
			const drawing = performance.now();
			await this.#draw(true);
			this.querySelector('.ops-chart__table')!.innerHTML = chartTableHtml(rows, this.#config.chart);
			performance.measure('opsbook:draw', { start: drawing, end: performance.now() });
			const answeredBy = prepared ? 'prepared' : 'engine';
			this.dataset.answeredBy = answeredBy;
			this.#setState('ready', '');
			this.dispatchEvent(new CustomEvent('ops-chart:drawn', { bubbles: true, detail: { answeredBy } }));
		} catch (error) {
			if (generation === this.#generation) this.#failed(error as Error);
		}
	}

	#failed(error: Error) {
		this.#setState('error', fill(this.dataset.error ?? '{{error}}', { error: error.message }));
		console.warn('ops-chart:', error);
	}

	/** Saves the rows on screen, with the filters applied, as a CSV file. */
	downloadCsv(): void {
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
