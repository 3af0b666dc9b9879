import { z } from 'astro/zod';
import { kebabId, snakeId } from './common.ts';

/** The column types a snapshot may hold, as DuckDB names them. */
export const columnType = z.enum(['DATE', 'VARCHAR', 'BIGINT', 'DOUBLE']);

/** The value a rolled-up dimension takes in the row that sums a slice's small rows. */
export const otherValue = '(other)';

/** One column of a dataset. */
export const datasetColumn = z.object({
	/** The column's name in every export and snapshot, e.g. `sessions`. */
	name: snakeId,
	/** The DuckDB type every value must have; an export with another type is rejected. */
	type: columnType,
	/** `time` is the period column, `dimension` a slice, `measure` a count or value to sum. */
	role: z.enum(['time', 'dimension', 'measure']),
	/** Whether the measure may be missing (e.g. CSAT on days without survey responses). */
	nullable: z.boolean().default(false),
	/** What the column holds, for the dataset page and the metric catalog. */
	description: z.string().optional(),
	/**
	 * The values a text dimension may take, e.g. the markets the team serves. A snapshot whose export
	 * holds any other value is refused, naming the column, the value and its row; leave it out for
	 * open-ended dimensions such as an intent taxonomy that grows every week.
	 */
	domain: z.array(z.string().min(1)).min(1).optional(),
});

/** A value that must never be larger than another in the same row, e.g. audited_correct ≤ audited. */
export const constraint = z.object({
	/** The measure that is a part. */
	part: snakeId,
	/** The measure it is part of. */
	whole: snakeId,
});

/** Who may be identified from a snapshot, and how small slices are handled before publishing. */
export const privacy = z.object({
	/**
	 * Column names that must never appear, beyond the built-in ones (anything named like a user,
	 * device or account id, an e-mail, a phone number or an IP address).
	 */
	forbidden_columns: z.array(z.string()).default([]),
	/** Kinds of values no text column may hold. */
	forbidden_values: z.array(z.enum(['email', 'phone'])).default(['email', 'phone']),
	/** Rows whose `cell_measure` is below this are suppressed: a small slice can identify a person. */
	min_cell_size: z.number().int().nonnegative().default(10),
	/** The measure that counts the people or items behind a row, e.g. `sessions`. */
	cell_measure: snakeId.optional(),
	/**
	 * What happens to a small row: `drop` it, or `rollup` its `rollup_dimension` into "(other)" and
	 * add it to the other small rows of the same slice (counts only).
	 */
	small_cells: z.enum(['drop', 'rollup']).default('drop'),
	/** The dimension whose value becomes "(other)" when small rows are rolled up. */
	rollup_dimension: snakeId.optional(),
});

/** A dataset whose snapshots the metric reviews read. */
export const dataset = z.object({
	/** The dataset id, also its folder under `data/snapshots/`. */
	id: snakeId,
	/** What the dataset holds and who uses it. */
	description: z.string().optional(),
	/** What one row is, e.g. "one market × intent × day". */
	grain: z.string().min(1),
	/** The team id that owns the export. */
	owner: kebabId,
	/** Every column a snapshot holds, in order: one `time` column, dimensions, then measures. */
	columns: z.array(datasetColumn).min(2),
	/** Parts that may not exceed their whole, checked on every row. */
	constraints: z.array(constraint).default([]),
	/** What may never be published, and how small slices are suppressed. */
	privacy: privacy.prefault({}),
	/**
	 * Whether a vendor's site may show the dataset whole, numbers over every vendor included (a
	 * platform-wide benchmark, say). Without it, a vendor reads the dataset only through the row
	 * filter its audience names in `src/content/audiences.yaml`, and a page for a vendor without one
	 * is an error.
	 */
	vendor_aggregates: z.boolean().default(false),
});

export type Dataset = z.output<typeof dataset>;
export type ColumnType = z.output<typeof columnType>;
