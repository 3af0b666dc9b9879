import { z } from 'astro/zod';
import { kebabId, snakeId } from './common.ts';

/** The column types a snapshot may hold, as DuckDB names them. */
export const columnType = z.enum(['DATE', 'VARCHAR', 'BIGINT', 'DOUBLE']);

/** One column of a dataset. */
export const datasetColumn = z.object({
	name: snakeId,
	type: columnType,
	/** `time` is the period column, `dimension` a slice, `measure` a count or value to sum. */
	role: z.enum(['time', 'dimension', 'measure']),
	/** Whether the measure may be missing (e.g. CSAT on days without survey responses). */
	nullable: z.boolean().default(false),
	/** What the column holds, for the dataset page and the metric catalog. */
	description: z.string().optional(),
});

/** A dataset whose snapshots the metric reviews read. */
export const dataset = z.object({
	/** The dataset id, also its folder under `public/snapshots/`. */
	id: snakeId,
	/** What one row is, e.g. "one market × intent × day". */
	grain: z.string().min(1),
	/** The team id that owns the export. */
	owner: kebabId,
	columns: z.array(datasetColumn).min(2),
	privacy: z
		.object({
			/** Column names that must never appear in a snapshot (identifiers of people). */
			forbidden_columns: z.array(z.string()).default([]),
			/** Rows whose counts fall below this size are suppressed or rolled up. */
			min_cell_size: z.number().int().nonnegative().default(10),
		})
		.prefault({}),
});

export type Dataset = z.output<typeof dataset>;
export type ColumnType = z.output<typeof columnType>;
