/**
 * `npm run release` (and `--backfill`) archives a page as the author wrote it: the copy's
 * frontmatter gains the archive's marks and not one other character changes. A YAML round trip
 * had rewrapped folded text and respaced flow maps, so the copy's diff showed lines nobody edited.
 */
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { extractFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { archiveCopy } from '../../src/lib/versions/release.ts';

const page = `---
# The live page; this comment stays.
id: sop-appeals
title: 'Appeals & <b>the "second look"</b>'
kind: sop
version: 1.2.0
sidebar: {order: 2}
description: >-
  A folded description that an author wrapped by hand, at a width a YAML
  library would choose differently.
owners: [trust-ops]   # flow list, with a comment
changelog:
  - version: 1.2.0
    date: 2026-11-20
    summary: Second look within 48 h.
---

import Note from '../components/Note.astro';

Body.
`;

test('the archived copy is the page with the archive marks set, every other line as written', () => {
	const { text, archive, version } = archiveCopy(page, 'sops/appeals.mdx', { archivedOn: '2026-12-02' });
	expect([archive, version]).toEqual(['sops/appeals/versions/1.2.0.mdx', '1.2.0']);
	const banner = 'You are reading version 1.2.0 of “Appeals &amp; &lt;b&gt;the &quot;second look&quot;&lt;/b&gt;”, archived on 2026-12-02. <a href="/sops/appeals/">Read the version in force</a>.';
	const expected = page
		.replace('sidebar: {order: 2}', 'sidebar: { hidden: true }')
		.replace(
			'    summary: Second look within 48 h.\n',
			`    summary: Second look within 48 h.\narchived_of: sop-appeals\nslug: sops/appeals/v/1.2.0\npagefind: false\nbanner: { content: ${JSON.stringify(banner)} }\n`,
		)
		.replace("from '../components/Note.astro'", "from '../../../components/Note.astro'");
	expect(text).toBe(expected);
	expect(parse(extractFrontmatter(text).yaml)).toMatchObject({ archived_of: 'sop-appeals', sidebar: { hidden: true }, pagefind: false, banner: { content: banner } });
});

test('a block-style value of a mark is replaced whole', () => {
	const { text } = archiveCopy(page.replace('sidebar: {order: 2}\n', 'sidebar:\n  order: 2\n  label: Appeals\n'), 'sops/appeals.mdx', { archivedOn: '2026-12-02' });
	expect(text).toContain('version: 1.2.0\nsidebar: { hidden: true }\ndescription: >-\n');
});
