/**
 * `npm run check` reads `src/content/redirects.yaml` as the build does, and reports each problem at
 * its line (the build stops at the first one, with no line): before this, a redirect to a page that
 * had moved again passed the check and broke the build.
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import { pageAddress } from '../../src/lib/checks/redirects.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = await mkdtemp(path.join(tmpdir(), 'opsbook-redirects-check-'));
afterAll(() => rm(work, { recursive: true, force: true }));

let run = 0;
/** The errors of a copy of the demo handbook whose redirects file reads `yaml`. */
async function errorsWith(yaml: string) {
	const copy = path.join(work, String(run++));
	await cp(path.join(root, 'src/content'), path.join(copy, 'src/content'), { recursive: true });
	await symlink(path.join(root, 'data'), path.join(copy, 'data'));
	await writeFile(path.join(copy, 'src/content/redirects.yaml'), yaml);
	const { diagnostics } = await checkHandbook(copy, { today: '2026-11-22', base: false });
	return diagnostics.filter((d) => d.severity === 'error').map(({ file, line, field, message }) => ({ file, line, field, message }));
}

const file = 'src/content/redirects.yaml';
const entry = (from: string, to: string) => `${from}:\n  to: ${to}\n  moved: 2026-12-02\n  reason: Moved.\n`;

test('the demo redirects are valid, and a valid entry to a page in either language, or to an archived version, passes', async () => {
	const valid = [entry('/reviews/old-bot/', '/reviews/bot-service/'), entry('/zh-cn/old-start/', '/zh-cn/start/new/'), entry('/old-gifting-v2/', '/specs/live-gifting-fraud/v/2.1.0/')];
	expect(await errorsWith(valid.join(''))).toEqual([]);
});

test('a new address that is no page is an error at its line', async () => {
	expect(await errorsWith(`# moved\n${entry('/reviews/old-bot/', '/reviews/bot-servce/')}`)).toEqual([
		{
			file,
			line: 3,
			field: '/reviews/old-bot/.to',
			message: 'it sends readers to /reviews/bot-servce/, which is not a page of the handbook; give the address of the page as it is now (e.g. /reviews/bot-service/)',
		},
	]);
});

test('an old address that is a page again is an error at its key', async () => {
	expect(await errorsWith(entry('/reviews/bot-service/', '/reviews/labeling-quality/'))).toEqual([
		{
			file,
			line: 1,
			field: '/reviews/bot-service/',
			message: '/reviews/bot-service/ is a page of the handbook again, so it cannot also send readers to /reviews/labeling-quality/; remove the entry, or move the page',
		},
	]);
});

test('an old address that is no site path is an error at its key', async () => {
	expect(await errorsWith(`${entry('/reviews/old-bot/', '/reviews/bot-service/')}reviews/old-labeling:\n  to: /reviews/labeling-quality/\n  moved: 2026-12-02\n  reason: Moved.\n`)).toEqual([
		{
			file,
			line: 5,
			field: 'reviews/old-labeling',
			message: 'expected a site path such as "/reviews/bot-service/": from the site\'s root, without the base path or a locale, ending in "/"; found "reviews/old-labeling"',
		},
	]);
});

test('an entry without its reason is an error at the entry, from its schema', async () => {
	expect(await errorsWith('/old-start/:\n  to: /start/new/\n  moved: 2026-12-02\n')).toEqual([
		{ file, line: 2, field: '/old-start/.reason', message: 'is required but missing (expected string)' },
	]);
});

test('page files map to the addresses Starlight writes them at', () => {
	expect(pageAddress('src/content/docs/index.mdx')).toBe('/');
	expect(pageAddress('src/content/docs/reviews/bot-service/index.mdx')).toBe('/reviews/bot-service/');
	expect(pageAddress('src/content/docs/zh-cn/specs/Live-Gifting.md')).toBe('/zh-cn/specs/live-gifting/');
});

test('a redirect to a page whose own frontmatter is broken adds no error of its own', async () => {
	const copy = path.join(work, 'broken-target');
	await cp(path.join(root, 'src/content'), path.join(copy, 'src/content'), { recursive: true });
	await symlink(path.join(root, 'data'), path.join(copy, 'data'));
	await writeFile(path.join(copy, 'src/content/docs/reviews/bot-service/index.mdx'), '---\ntitle: [unclosed\n---\n');
	const { diagnostics } = await checkHandbook(copy, { today: '2026-11-22', base: false });
	expect(diagnostics.filter((d) => d.file === file)).toEqual([]);
	expect(diagnostics.some((d) => d.file === 'src/content/docs/reviews/bot-service/index.mdx')).toBe(true);
});
