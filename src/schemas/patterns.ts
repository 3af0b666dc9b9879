/**
 * The identifier grammars, as plain regular expressions with no imports, so that the schemas, the
 * validator, the SQL builder and the browser's chart code all share one definition without pulling
 * Zod into a browser bundle.
 */

/** The snake_case id grammar as a source string, for patterns built on it (placeholders, relations). */
export const snake = '[a-z][a-z0-9]*(?:_[a-z0-9]+)*';
const day = '\\d{4}-\\d{2}-\\d{2}';

/** A snake_case id: labels, placeholders, metrics, datasets and their columns, e.g. `gift_fraud`. */
export const snakeIdPattern = new RegExp(`^${snake}$`);

/** `dataset@as_of`: group 1 is the dataset's snake_case id, group 2 the `YYYY-MM-DD` day. */
export const snapshotRefPattern = new RegExp(`^(${snake})@(${day})$`);

/** A value an audience's row filter keeps (`atlas-bpo`, `TH`): letters, digits, `_`, `.` and `-`. */
const filterValue = '[\\w.-]+';
export const filterValuePattern = new RegExp(`^${filterValue}$`);
const filterValues = `${filterValue}(?:,${filterValue})*`;

/**
 * The name a snapshot is queried as, on both engines: its reference, then its row filter when a
 * site publishes only some rows (`labeling_qa_weekly@2026-11-09[vendor=apex,keystone]`); a bare
 * snake_case table in tests. Filter values keep to `filterValuePattern`, so that the name reads
 * back unambiguously and is always one SQL identifier.
 */
export const snapshotRelationPattern = new RegExp(`^${snake}(?:@${day}(?:\\[${snake}=${filterValues}(?:;${snake}=${filterValues})*\\])?)?$`);
