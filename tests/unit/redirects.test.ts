/**
 * The pages written at old addresses (src/lib/hosting/redirects.ts): one per locale for each entry
 * of src/content/redirects.yaml, none where the audience may not read the new page, and an error
 * that names the file and the entry for each mistake an author can make.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { movedAddresses, movedPages, type RedirectSite } from '../../src/lib/hosting/redirects.ts';
import { redirect } from '../../src/schemas/redirect.ts';

const site: RedirectSite = {
	pages: new Set(['/reviews/bot-service/', '/zh-cn/reviews/bot-service/', '/specs/x/']),
	hiddenPaths: new Set(['/sops/internal-only/', '/zh-cn/sops/internal-only/']),
	locales: [undefined, 'zh-cn'],
};
const entry = (id: string, to: string) => ({ id, data: redirect.parse({ to, moved: '2026-12-02', reason: 'moved' }) });

describe('movedPages', () => {
	test('writes a page at the old address in every locale, pointing at the new one in the same locale', () => {
		expect(movedPages([entry('/reviews/bot-service-weekly/', '/reviews/bot-service/')], site)).toEqual([
			{ from: '/reviews/bot-service-weekly/', to: '/reviews/bot-service/', locale: undefined },
			{ from: '/zh-cn/reviews/bot-service-weekly/', to: '/zh-cn/reviews/bot-service/', locale: 'zh-cn' },
		]);
	});

	test('writes nothing for a reader who may not read the new page', () => {
		expect(movedPages([entry('/sops/old-name/', '/sops/internal-only/')], site)).toEqual([]);
	});

	test('refuses an old address that is not a site path', () => {
		expect(() => movedPages([entry('reviews/bot-service-weekly', '/reviews/bot-service/')], site)).toThrow(
			'src/content/redirects.yaml, the entry "reviews/bot-service-weekly": expected a site path such as "/reviews/bot-service/": from the site\'s root, without the base path or a locale, ending in "/"; found "reviews/bot-service-weekly"',
		);
	});

	test('refuses an old address that is a page again', () => {
		expect(() => movedPages([entry('/specs/x/', '/reviews/bot-service/')], site)).toThrow(
			'src/content/redirects.yaml, the entry "/specs/x/": /specs/x/ is a page of the handbook again, so it cannot also send readers to /reviews/bot-service/; remove the entry, or move the page',
		);
	});

	test('refuses a new address that is no page', () => {
		expect(() => movedPages([entry('/reviews/old/', '/reviews/bot-servce/')], site)).toThrow(
			'src/content/redirects.yaml, the entry "/reviews/old/": it sends readers to /reviews/bot-servce/, which is not a page of the handbook; give the address of the page as it is now (e.g. /reviews/bot-service/)',
		);
	});
});

describe('the redirect schema', () => {
	test('refuses a new address with the base path or without its slash, and a missing date', () => {
		const result = redirect.safeParse({ to: '/reviews/bot-service', reason: 'moved' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
			'to: expected a site path such as "/reviews/bot-service/": from the site\'s root, without the base path or a locale, ending in "/"',
			'moved: expected a date such as 2026-03-01',
		]);
	});
});

describe('movedAddresses', () => {
	test('lists every old address in every locale under the base, for the sitemap to leave out', async () => {
		const root = path.resolve(import.meta.dirname, '../..');
		const moved = await movedAddresses(root, '/handbook/', [undefined, 'zh-cn']);
		expect([...moved]).toEqual(expect.arrayContaining(['/handbook/reviews/bot-service-weekly/', '/handbook/zh-cn/reviews/labeling-quality-weekly/']));
	});

	test('refuses a file whose old address is not a site path', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'opsbook-redirects-'));
		await mkdir(path.join(root, 'src/content'), { recursive: true });
		await writeFile(path.join(root, 'src/content/redirects.yaml'), 'reviews/old:\n  to: /reviews/bot-service/\n  moved: 2026-12-02\n  reason: moved\n');
		await expect(movedAddresses(root, '/', [undefined])).rejects.toThrow(
			'src/content/redirects.yaml, the entry "reviews/old": expected a site path such as "/reviews/bot-service/": from the site\'s root, without the base path or a locale, ending in "/"; found "reviews/old"',
		);
		await rm(root, { recursive: true, force: true });
	});
});
