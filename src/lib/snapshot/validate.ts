/**
 * Checks a staged export against its dataset declaration, in the order an analyst would fix
 * things: identifiers first (nothing else matters if a snapshot would leak people), then columns,
 * types, empty values, negative counts, parts larger than their whole, and contact details in text.
 */
import type { Dataset } from '../../schemas/dataset.ts';
import { query, quoteIdentifier as q } from '../query/server.ts';
import { SnapshotError } from './errors.ts';

/** Column names that identify a person whatever a dataset declares. */
export const identifierColumn = /(^|_)(user|device|account|creator|viewer|host|member|customer)_?(id|uid|name)$|(^|_)(e_?mail|phone|phone_number|msisdn|ip|ip_address|ssn|passport)$/i;

const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const floatTypes = /^(FLOAT|DOUBLE|DECIMAL.*)$/;
const timestampTypes = /^TIMESTAMP/;

export interface StagedColumn {
	name: string;
	type: string;
}

/** Throws on the first problem, as `file: column "x": problem`. */
export async function validateStaged(options: {
	dataset: Dataset;
	table: string;
	where: string;
	columns: StagedColumn[];
	format: 'csv' | 'parquet';
	allowExtra: boolean;
}): Promise<void> {
	const { dataset, table, where, columns, format } = options;
	const fail = (column: string | undefined, problem: string): never => {
		throw new SnapshotError(`${where}: ${column ? `column "${column}": ` : ''}${problem}`);
	};
	const found = new Map(columns.map((column) => [column.name, column.type]));

	for (const name of found.keys()) {
		if (dataset.privacy.forbidden_columns.includes(name) || identifierColumn.test(name)) {
			fail(name, 'looks like an identifier of a person; drop it from the export before publishing');
		}
	}
	for (const column of dataset.columns) {
		if (!found.has(column.name)) fail(column.name, `is missing (expected ${column.type})`);
	}
	const declared = new Set(dataset.columns.map((column) => column.name));
	const extra = [...found.keys()].filter((name) => !declared.has(name));
	if (extra.length > 0 && !options.allowExtra) {
		fail(extra[0], `is not declared in dataset "${dataset.id}" (pass --allow-extra to leave undeclared columns out)`);
	}

	const [{ rows }] = (await query(`SELECT count(*) AS rows FROM ${table}`)) as [{ rows: number }];
	if (rows === 0) fail(undefined, 'has no rows');

	for (const column of dataset.columns) {
		const name = q(column.name);
		const type = found.get(column.name)!;
		if (format === 'parquet') {
			const ok =
				type === column.type ||
				(column.type === 'BIGINT' && integerTypes.test(type)) ||
				(column.type === 'DOUBLE' && (floatTypes.test(type) || integerTypes.test(type))) ||
				(column.type === 'DATE' && timestampTypes.test(type));
			if (!ok) {
				const why = column.type === 'DATE' && integerTypes.test(type) ? ' (a day number? write the column as a DATE)' : '';
				fail(column.name, `expected ${column.type}, found ${type}${why}`);
			}
			if (column.type === 'DATE' && timestampTypes.test(type)) {
				const [late] = await query(`SELECT ${name}::VARCHAR AS value FROM ${table} WHERE ${name} IS NOT NULL AND CAST(${name} AS TIME) <> TIME '00:00:00' LIMIT 1`);
				if (late) fail(column.name, `expected a DATE; a TIMESTAMP is accepted only at midnight, found ${late.value}`);
			}
		} else {
			const [bad] = await query(
				`SELECT ${name} AS value, rowid + 2 AS line FROM ${table} WHERE ${name} IS NOT NULL AND TRY_CAST(${name} AS ${column.type}) IS NULL ORDER BY rowid LIMIT 1`,
			);
			if (bad) fail(column.name, `expected ${column.type}, found "${bad.value}" on line ${bad.line}`);
		}
		if (!column.nullable) {
			const [{ nulls }] = (await query(`SELECT count(*) AS nulls FROM ${table} WHERE ${name} IS NULL`)) as [{ nulls: number }];
			if (nulls > 0) fail(column.name, `has ${nulls} empty value${nulls === 1 ? '' : 's'} but is not declared nullable`);
		}
		// Counts are never negative; a DOUBLE measure such as kappa may be (worse than chance).
		if (column.role === 'measure' && column.type === 'BIGINT') {
			const [negative] = await query(`SELECT ${name}::VARCHAR AS value FROM ${table} WHERE TRY_CAST(${name} AS DOUBLE) < 0 LIMIT 1`);
			if (negative) fail(column.name, `has a negative count (${negative.value})`);
		}
	}

	for (const { part, whole } of dataset.constraints) {
		const [bad] = await query(
			`SELECT ${q(part)}::VARCHAR AS part, ${q(whole)}::VARCHAR AS whole FROM ${table}
			 WHERE TRY_CAST(${q(part)} AS DOUBLE) > TRY_CAST(${q(whole)} AS DOUBLE) LIMIT 1`,
		);
		if (bad) fail(part, `is larger than its whole "${whole}" (${bad.part} > ${bad.whole}); a part can never exceed it`);
	}

	const text = dataset.columns.filter((column) => column.type === 'VARCHAR');
	const patterns = {
		email: { sql: (c: string) => `regexp_matches(${c}, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}')`, name: 'an e-mail address' },
		phone: { sql: (c: string) => `(regexp_matches(${c}, '^\\+?[0-9][0-9 ().-]{6,}[0-9]$') AND length(regexp_replace(${c}, '[^0-9]', '', 'g')) >= 8)`, name: 'a phone number' },
	};
	for (const column of text) {
		for (const kind of dataset.privacy.forbidden_values) {
			const [hit] = await query(`SELECT ${q(column.name)} AS value FROM ${table} WHERE ${patterns[kind].sql(q(column.name))} LIMIT 1`);
			if (hit) fail(column.name, `value "${hit.value}" looks like ${patterns[kind].name}; snapshots must not hold contact details`);
		}
	}
}
