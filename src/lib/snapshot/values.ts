/**
 * Checks on what the text columns of an export hold, anywhere inside a value: contact details (an
 * e-mail address or a phone number in a longer text, not only a whole value that is one), values
 * outside a dimension's declared `domain`, and the "(other)" that a roll-up reserves.
 *
 * The checks run on each column's distinct values, so a 10-million-row export whose text columns
 * hold a few hundred markets and intents costs one scan of those columns, not a regex per row.
 */
import { otherValue, type Dataset } from '../../schemas/dataset.ts';
import { query, quoteIdentifier as q, quoteLiteral } from '../query/server.ts';

const email = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
/** Runs of digits that are not phone numbers: dates, times of day and IPv4 addresses. */
const notPhones = String.raw`\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(:\d{2})?|\d{1,3}(\.\d{1,3}){3})\b`;
/** A run of digits and the separators phone numbers are written with, not glued to a word. */
const digitRun = String.raw`(^|[^\w+])(\+?\(?\d[\d ().-]{6,}\d)`;
const digits = (run: string) => `length(regexp_replace(${run}, '[^0-9]', '', 'g'))`;
/**
 * A run is a phone number when it has 8–15 digits (E.164 allows 15) and is written as one: with a
 * leading "+", with separators between digit groups, or as 10 digits or more. A decimal number
 * ("1234567.89") and a count grouped in thousands ("12 345 678") are not.
 */
const isPhone = (run: string) =>
	`${digits(run)} BETWEEN 8 AND 15 AND (starts_with(${run}, '+') OR regexp_matches(${run}, '\\d[ ().-]+\\d') OR ${digits(run)} >= 10) ` +
	`AND NOT regexp_full_match(${run}, '\\d+\\.\\d+|\\d{1,3}([ .]\\d{3})+')`;

/** The kinds of contact details a dataset may forbid, each as SQL giving the first one found in a text ('' when none). */
export const contactDetails = {
	email: { name: 'an e-mail address', find: (text: string) => `regexp_extract(${text}, '${email}')` },
	phone: {
		name: 'a phone number',
		find: (text: string) =>
			`coalesce(list_filter(regexp_extract_all(regexp_replace(${text}, '${notPhones}', ' ', 'g'), '${digitRun}', 2), run -> ${isPhone('run')})[1], '')`,
	},
};

/** A problem found in one distinct value of a column. */
export interface ValueProblem {
	column: string;
	value: string;
	/** What is wrong with it, as the end of a sentence that starts with the value and its row. */
	problem: string;
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/**
 * The first problem in the text columns of `table`, in the dataset's column order, contact details
 * before domains; undefined when there is none.
 */
export async function findValueProblem(dataset: Dataset, table: string): Promise<ValueProblem | undefined> {
	const { forbidden_values: forbidden, small_cells: method, rollup_dimension: rollup } = dataset.privacy;
	const parts = dataset.columns.flatMap((column, index) => {
		if (column.type !== 'VARCHAR') return [];
		const kinds = forbidden.map((kind) => `${contactDetails[kind].find('value')} AS ${kind}`);
		const outside = column.domain ? `value NOT IN (${column.domain.map(quoteLiteral).join(', ')})` : 'false';
		const reserved = method === 'rollup' && column.name === rollup ? `value = ${quoteLiteral(otherValue)}` : 'false';
		const select = [`${index} AS position`, `${quoteLiteral(column.name)} AS "column"`, 'value', ...kinds, `(${outside})::INTEGER AS outside`, `(${reserved})::INTEGER AS reserved`];
		return [`SELECT ${select.join(', ')} FROM (SELECT DISTINCT ${q(column.name)} AS value FROM ${table} WHERE ${q(column.name)} IS NOT NULL)`];
	});
	if (parts.length === 0) return undefined;
	const flagged = [...forbidden.map((kind) => `${kind} <> ''`), 'outside = 1', 'reserved = 1'].join(' OR ');
	const rows = await query(`SELECT * FROM (${parts.join(' UNION ALL ')}) WHERE ${flagged} ORDER BY position, value`);
	for (const kind of forbidden) {
		const row = rows.find((r) => r[kind] !== '');
		if (row) {
			return {
				column: String(row.column),
				value: String(row.value),
				problem: `holds ${contactDetails[kind].name} (${String(row[kind])}); snapshots must not hold contact details, so remove it from the export`,
			};
		}
	}
	const outside = rows.find((r) => r.outside === 1);
	if (outside) {
		const { domain } = dataset.columns.find((column) => column.name === outside.column)!;
		const others = rows.filter((r) => r.outside === 1 && r.column === outside.column).length - 1;
		const listed = domain!.length > 12 ? `${domain!.slice(0, 12).join(', ')}, …` : domain!.join(', ');
		return {
			column: String(outside.column),
			value: String(outside.value),
			problem:
				`is not in the column's domain (${listed})${others === 0 ? '' : others === 1 ? ', nor is 1 other value' : `, nor are ${others} other values`}; ` +
				`fix the export, or add the value to the domain in the dataset's YAML`,
		};
	}
	const reserved = rows.find((r) => r.reserved === 1);
	if (reserved) {
		return { column: String(reserved.column), value: otherValue, problem: 'is what small rows are rolled up into; rename it in the export' };
	}
	return undefined;
}

/** How a problem reads after `column "x": `. */
export function describeValueProblem(problem: ValueProblem, place: string): string {
	return `value "${shorten(problem.value)}"${place ? ` ${place}` : ''} ${problem.problem}`;
}
