/**
 * `<ops-explorer>`: the data explorer's SQL workbench over one published snapshot. It starts
 * DuckDB-WASM when the page opens (the engine is what the page is for), loads the chosen snapshot
 * under the dataset's own name, and runs the query of the address (`?sql=…&snapshot=…`) or the one
 * in the box. Ctrl/Cmd+Enter runs the box; every run puts the query in the address, so it can be
 * shared. Results stay in Arrow and are shown a page at a time; CSV and Parquet downloads, and a
 * quick chart of picked columns, read the whole result.
 *
 * `data-state`: `static` → `loading` (engine and snapshot) → `ready` ⇄ `running`, or `error` when
 * the workbench itself could not load. A query's own error is shown inline and leaves it `ready`.
 * After each run the element fires `ops-explorer:result` with the rows or the error.
 */
import { toCsv } from '../lib/charts/csv.ts';
import type { QuickChartChoice } from '../lib/explorer/quick-chart.ts';
import { QueryResult } from '../lib/explorer/result.ts';
import { pageCount, pageSize, resultTableHtml } from '../lib/explorer/result-table.ts';
import { offsetOf, sqlError } from '../lib/explorer/sql-error.ts';
import { fill } from '../lib/i18n/template.ts';

export interface ExplorerConfig {
	dataset: string;
	/** Every column of the dataset, all loaded. */
	columns: string[];
	/** Published snapshots, newest first. */
	snapshots: { asOf: string; relation: string; url: string; sha256: string; rows: number }[];
	/** UI strings, in the page's language, with `{{values}}` to fill. */
	text: Record<'loading' | 'ready' | 'running' | 'done' | 'errorAt' | 'loadError' | 'page' | 'noRows' | 'capped' | 'chartLabel' | 'none', string>;
}

type Browser = typeof import('../lib/query/browser.ts');
type Chart = typeof import('../lib/explorer/quick-chart.ts');

class OpsExplorer extends HTMLElement {
	#config!: ExplorerConfig;
	#engine?: Promise<Browser>;
	#result?: QueryResult;
	#page = 0;
	#snapshot!: ExplorerConfig['snapshots'][number];
	#loaded?: Promise<void>;
	#number = new Intl.NumberFormat(document.documentElement.lang || 'en');

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!) as ExplorerConfig;
		const params = new URLSearchParams(location.search);
		this.#snapshot = this.#config.snapshots.find((snapshot) => snapshot.asOf === params.get('snapshot')) ?? this.#config.snapshots[0]!;
		this.#select('snapshot').value = this.#snapshot.asOf;
		if (params.get('sql')) this.#sql.value = params.get('sql')!;
		for (const control of this.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement>('[disabled]')) control.disabled = false;

		this.querySelector('form.ops-explorer__query')!.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.run();
		});
		this.#sql.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				void this.run();
			}
		});
		this.#select('snapshot').addEventListener('change', () => {
			this.#snapshot = this.#config.snapshots.find((snapshot) => snapshot.asOf === this.#select('snapshot').value)!;
			this.#loaded = undefined;
			void this.run();
		});
		for (const example of this.querySelectorAll<HTMLAnchorElement>('a[data-example]')) {
			example.addEventListener('click', (event) => {
				event.preventDefault();
				this.#sql.value = example.dataset.example!;
				void this.run();
			});
		}
		this.querySelector('.ops-explorer__pager')!.addEventListener('click', (event) => {
			const button = (event.target as Element).closest<HTMLButtonElement>('button[data-page]');
			if (button && this.#result) this.#showPage({ first: 0, previous: this.#page - 1, next: this.#page + 1, last: pageCount(this.#result) - 1 }[button.dataset.page!]!);
		});
		this.querySelector('.ops-explorer__csv')!.addEventListener('click', () => this.#download('csv'));
		this.querySelector('.ops-explorer__parquet')!.addEventListener('click', () => void this.#download('parquet'));
		const chart = this.querySelector<HTMLDetailsElement>('.ops-explorer__chart')!;
		chart.addEventListener('toggle', () => void this.#drawChart());
		chart.querySelector('form')!.addEventListener('change', () => void this.#drawChart(false));
		void this.run();
	}

	get #sql(): HTMLTextAreaElement {
		return this.querySelector('textarea[name="sql"]')!;
	}

	#select(name: string): HTMLSelectElement {
		return this.querySelector(`select[name="${name}"]`)!;
	}

	/** The engine, and the chosen snapshot loaded under the dataset's name. */
	#ready(): Promise<Browser> {
		this.#engine ??= import('../lib/query/browser.ts');
		this.#loaded ??= (async () => {
			this.#state('loading', this.#config.text.loading);
			const engine = await this.#engine!;
			await engine.useSnapshotAs(this.#snapshot, this.#config.columns, this.#config.dataset);
			await engine.closeToFiles();
			this.querySelector('.ops-explorer__loaded')!.textContent = fill(this.#config.text.ready, {
				rows: this.#number.format(this.#snapshot.rows),
				table: this.#config.dataset,
				asOf: this.#snapshot.asOf,
			});
		})();
		// A failed load may be retried by the next run.
		this.#loaded.catch(() => (this.#loaded = undefined));
		return this.#loaded.then(() => this.#engine!);
	}

	/** Runs the query in the box and shows its result or DuckDB's error. */
	async run(): Promise<void> {
		const sql = this.#sql.value;
		let engine: Browser;
		try {
			engine = await this.#ready();
		} catch (error) {
			this.#state('error', fill(this.#config.text.loadError, { error: (error as Error).message }));
			console.warn('ops-explorer:', error);
			return;
		}
		this.#state('running', this.#config.text.running);
		this.#shareable(sql);
		const started = performance.now();
		try {
			this.#result = new QueryResult(await engine.runSql(sql));
		} catch (error) {
			this.#showError(sql, (error as Error).message);
			return;
		}
		const ms = Math.round(performance.now() - started);
		this.querySelector<HTMLElement>('.ops-explorer__error')!.hidden = true;
		this.querySelector<HTMLElement>('.ops-explorer__results')!.hidden = false;
		this.#chartChoices();
		this.#showPage(0);
		this.#state('ready', fill(this.#config.text.done, { rows: this.#number.format(this.#result.rowCount), ms }));
		this.dataset.resultRows = String(this.#result.rowCount);
		this.dispatchEvent(new CustomEvent('ops-explorer:result', { bubbles: true, detail: { rows: this.#result.rowCount } }));
		await this.#drawChart(false);
	}

	/** Puts the query and snapshot in the address, so the view can be shared and reloaded. */
	#shareable(sql: string) {
		const url = new URL(location.href);
		url.searchParams.set('snapshot', this.#snapshot.asOf);
		url.searchParams.set('sql', sql);
		history.replaceState(null, '', url);
	}

	#showError(sql: string, message: string) {
		const error = sqlError(message, sql);
		const box = this.querySelector<HTMLElement>('.ops-explorer__error')!;
		box.querySelector('.ops-explorer__where')!.textContent = error.line ? fill(this.#config.text.errorAt, { line: error.line, column: error.column ?? 1 }) : '';
		box.querySelector('pre')!.textContent = error.message;
		box.hidden = false;
		this.querySelector<HTMLElement>('.ops-explorer__results')!.hidden = true;
		this.#result = undefined;
		if (error.line) {
			// The cursor goes where DuckDB points, so the reader can fix it and run again.
			const at = offsetOf(sql, error.line, error.column);
			this.#sql.focus();
			this.#sql.setSelectionRange(at, at);
		}
		this.#state('ready', '');
		this.dispatchEvent(new CustomEvent('ops-explorer:result', { bubbles: true, detail: { error } }));
	}

	#showPage(page: number) {
		const result = this.#result!;
		this.#page = Math.min(Math.max(0, page), pageCount(result) - 1);
		const first = this.#page * pageSize;
		const caption =
			result.rowCount === 0
				? this.#config.text.noRows
				: fill(this.#config.text.page, { first: this.#number.format(first + 1), last: this.#number.format(Math.min(first + pageSize, result.rowCount)), total: this.#number.format(result.rowCount) });
		this.querySelector('.ops-explorer__table')!.innerHTML = resultTableHtml(result, this.#page, caption);
		this.querySelector('.ops-explorer__position')!.textContent = caption;
		for (const button of this.querySelectorAll<HTMLButtonElement>('.ops-explorer__pager button')) {
			const back = button.dataset.page === 'first' || button.dataset.page === 'previous';
			button.disabled = back ? this.#page === 0 : this.#page >= pageCount(result) - 1;
		}
	}

	async #download(format: 'csv' | 'parquet') {
		if (!this.#result) return;
		const blob =
			format === 'csv'
				? new Blob([toCsv(this.#result.records())], { type: 'text/csv' })
				: new Blob([await this.#parquet(this.#result)], { type: 'application/vnd.apache.parquet' });
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = `${this.#config.dataset}_${this.#snapshot.asOf}_query.${format}`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	}

	async #parquet(result: QueryResult): Promise<ArrayBuffer> {
		const { columnsToParquet } = await import('../lib/query/parquet-write.ts');
		return columnsToParquet(result.columns.map((column, i) => ({ name: column.name, kind: column.kind, values: result.column(i) })));
	}

	/** Offers the result's columns to the quick chart, keeping choices that still exist. */
	#chartChoices() {
		const columns = this.#result!.columns;
		for (const name of ['x', 'y', 'color']) {
			const select = this.#select(name);
			const before = select.selectedOptions[0]?.textContent;
			select.replaceChildren(...(name === 'color' ? [new Option(this.#config.text.none, '-1')] : []), ...columns.map((column, i) => new Option(column.name, String(i))));
			const kept = [...select.options].find((option) => option.textContent === before);
			if (kept) kept.selected = true;
			select.dataset.fresh = kept ? '' : 'true';
		}
	}

	async #drawChart(opened = true) {
		const details = this.querySelector<HTMLDetailsElement>('.ops-explorer__chart')!;
		if (!details.open || !this.#result) return;
		const { defaultChoice, quickChartSpec, chartRowLimit } = (await import('../lib/explorer/quick-chart.ts')) as Chart;
		const [plot, { asAccessibleImage }] = await Promise.all([import('@observablehq/plot'), import('../lib/charts/accessible.ts')]);
		const fallback = defaultChoice(this.#result);
		// A fresh result (or the first opening) starts from a sensible pick; later the reader's choice stands.
		if (fallback && (opened || this.#select('x').dataset.fresh === 'true')) {
			this.#select('x').value = String(fallback.x);
			this.#select('y').value = String(fallback.y);
			this.#select('color').value = String(fallback.color);
			this.#select('mark').value = fallback.mark;
			for (const name of ['x', 'y', 'color']) this.#select(name).dataset.fresh = '';
		}
		const choice: QuickChartChoice = { x: Number(this.#select('x').value), y: Number(this.#select('y').value), color: Number(this.#select('color').value), mark: this.#select('mark').value as QuickChartChoice['mark'] };
		const box = details.querySelector<HTMLElement>('.ops-explorer__plot')!;
		const width = Math.max(280, box.clientWidth || 640);
		box.replaceChildren(asAccessibleImage(plot.plot(quickChartSpec(this.#result, choice, width, fill(this.#config.text.chartLabel, { y: this.#result.columns[choice.y]!.name, x: this.#result.columns[choice.x]!.name })))));
		details.querySelector('.ops-explorer__capped')!.textContent =
			this.#result.rowCount > chartRowLimit ? fill(this.#config.text.capped, { shown: this.#number.format(chartRowLimit), total: this.#number.format(this.#result.rowCount) }) : '';
	}

	#state(state: 'loading' | 'ready' | 'running' | 'error', message: string) {
		this.dataset.state = state;
		this.querySelector('.ops-explorer__status')!.textContent = message;
	}
}

customElements.define('ops-explorer', OpsExplorer);
