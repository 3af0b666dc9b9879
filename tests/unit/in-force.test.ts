/**
 * Which version of a document applied on a day: the one whose effective date is the latest on or
 * before it. Labelers dispute QA verdicts against that version, so the edges matter.
 */
import { describe, expect, test } from 'vitest';
import { inForceOn } from '../../src/lib/versions/in-force.ts';

const span = (version: string, effective: string) => ({ version, effective, href: `/v/${version}/` });
// Out of order on purpose: the answer must not depend on the order of the list.
const versions = [span('2.0.0', '2026-10-01'), span('1.0.0', '2026-03-01'), span('1.1.0', '2026-06-15')];

describe('inForceOn', () => {
	test('a version is in force from its effective day on, until the next one takes effect', () => {
		expect(inForceOn(versions, '2026-06-14')?.version).toBe('1.0.0');
		expect(inForceOn(versions, '2026-06-15')?.version).toBe('1.1.0');
		expect(inForceOn(versions, '2026-09-30')?.version).toBe('1.1.0');
		expect(inForceOn(versions, '2026-10-01')?.version).toBe('2.0.0');
		expect(inForceOn(versions, '2030-01-01')).toEqual(span('2.0.0', '2026-10-01'));
	});

	test('before the first version took effect, none was in force', () => {
		expect(inForceOn(versions, '2026-02-28')).toBeUndefined();
		expect(inForceOn([], '2026-06-15')).toBeUndefined();
	});
});
