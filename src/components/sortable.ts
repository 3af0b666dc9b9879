/** `<ops-sortable>`: header buttons that sort the table by that column, in place. */
class OpsSortable extends HTMLElement {
	connectedCallback() {
		const table = this.querySelector('table')!;
		table.querySelectorAll<HTMLTableCellElement>('th[data-sort]').forEach((th) => {
			// The cell's own place in the row: columns without data-sort (a status) sit between.
			const column = th.cellIndex;
			const button = document.createElement('button');
			button.type = 'button';
			button.textContent = th.textContent;
			th.replaceChildren(button);
			button.addEventListener('click', () => {
				const ascending = th.getAttribute('aria-sort') !== 'ascending';
				table.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
				th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
				const key = (row: HTMLTableRowElement) => {
					const cell = row.cells[column]!;
					return th.dataset.sort === 'number' ? Number(cell.dataset.value ?? Number.NaN) : (cell.textContent ?? '');
				};
				const body = table.tBodies[0]!;
				const rows = [...body.rows].sort((a, b) => {
					const [x, y] = [key(a), key(b)];
					const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
					return ascending ? order : -order;
				});
				body.append(...rows);
			});
		});
	}
}
customElements.define('ops-sortable', OpsSortable);
