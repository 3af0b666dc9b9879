/**
 * The pieces every document's diff is made of: a keyed list (labels, steps, placeholders) whose
 * items are added, removed, renamed or changed; a text that is reworded; a value that changes.
 * Each says what changed in a sentence a reviewer reads without opening the file.
 */
import type { Bump } from './semver.ts';
import { wordDiff, type WordChange } from './words.ts';

export interface Change {
	bump: Bump;
	/** One line for people, with ids in backticks. */
	message: string;
	/** The word-level change of a text, where there is one, and the text's language when not English. */
	words?: WordChange[];
	lang?: string;
	/** An item of a keyed list (a label, a step, a placeholder) that was added, removed or renamed. */
	item?: { what: string; id: string; action: 'added' | 'removed' | 'renamed' };
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A text quoted in a message, cut to a readable length. */
export const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}”`;

/** Changes of a keyed list: added, removed (and renamed, when an item kept its name), changed. */
export function keyed<T>(
	what: string,
	before: readonly T[],
	after: readonly T[],
	key: (item: T) => string,
	name: (item: T) => string,
	compare: (a: T, b: T, id: string) => Change[],
	sizes: { added: Bump; removed: Bump } = { added: 'minor', removed: 'major' },
	show: (id: string) => string = (id) => `\`${id}\``,
): Change[] {
	const changes: Change[] = [];
	const old = new Map(before.map((item) => [key(item), item]));
	const now = new Map(after.map((item) => [key(item), item]));
	const removed = [...old.keys()].filter((id) => !now.has(id));
	const added = [...now.keys()].filter((id) => !old.has(id));
	for (const id of removed) {
		const renamedTo = added.find((other) => name(now.get(other)!) === name(old.get(id)!));
		if (renamedTo) {
			changes.push({ bump: 'major', message: `${what} ${show(id)} renamed to ${show(renamedTo)}`, item: { what, id, action: 'renamed' } });
			added.splice(added.indexOf(renamedTo), 1);
			changes.push(...compare(old.get(id)!, now.get(renamedTo)!, renamedTo));
		} else changes.push({ bump: sizes.removed, message: `${what} ${show(id)} removed`, item: { what, id, action: 'removed' } });
	}
	for (const id of added) changes.push({ bump: sizes.added, message: `${what} ${show(id)} added`, item: { what, id, action: 'added' } });
	for (const [id, item] of now) if (old.has(id)) changes.push(...compare(old.get(id)!, item, id));
	return changes;
}

/** A text added, removed or reworded, with its words when reworded. */
export function text(what: string, before: string | undefined, after: string | undefined, bump: Bump = 'patch', locale?: string): Change[] {
	if (before === after) return [];
	if (before === undefined) return [{ bump, message: `${what} added: ${quote(after!)}` }];
	if (after === undefined) return [{ bump, message: `${what} removed (was ${quote(before)})` }];
	return [{ bump, message: `${what} reworded`, words: wordDiff(before, after, locale), ...(locale && { lang: locale }) }];
}

/** A value that changed, old → new. */
export function value(what: string, before: unknown, after: unknown, bump: Bump): Change[] {
	return same(before, after) ? [] : [{ bump, message: `${what} ${String(before ?? '—')} → ${String(after ?? '—')}` }];
}

/** Ids added to and removed from a list, e.g. related pages or a RACI role. */
export function members(what: string, before: readonly string[], after: readonly string[], bump: Bump): Change[] {
	const gone = before.filter((id) => !after.includes(id)).map((id) => `\`${id}\``);
	const come = after.filter((id) => !before.includes(id)).map((id) => `\`${id}\``);
	if (gone.length + come.length === 0) return [];
	const parts = [come.length > 0 && `${come.join(', ')} added`, gone.length > 0 && `${gone.join(', ')} removed`].filter(Boolean);
	return [{ bump, message: `${what}: ${parts.join('; ')}` }];
}
