/**
 * The identifier grammars, as plain regular expressions with no imports, so that the schemas, the
 * validator, the SQL builder and the browser's chart code all share one definition without pulling
 * Zod into a browser bundle.
 */

const snake = '[a-z][a-z0-9]*(?:_[a-z0-9]+)*';

/** A snake_case id: labels, placeholders, metrics, datasets and their columns, e.g. `gift_fraud`. */
export const snakeIdPattern = new RegExp(`^${snake}$`);

/** `dataset@as_of`: group 1 is the dataset's snake_case id, group 2 the `YYYY-MM-DD` day. */
export const snapshotRefPattern = new RegExp(`^(${snake})@(\\d{4}-\\d{2}-\\d{2})$`);
