/**
 * Versions as readers meet them: the history and diff under a document, "in force on" — on the
 * page and on the in-force page, for every document and every day its changelog names — archives,
 * and drafts, which are never in force.
 */
import { describe, expect, test } from 'vitest';
import { loadHandbook, Report } from '../../src/lib/checks/handbook.ts';
import { hasVersionHistory, type DataOf, type DocumentKind } from '../../src/schemas/page.ts';
import { href, root, skipBrowser, url, useBrowser, withPage } from './harness.ts';

const browser = useBrowser();

/** Every document with a history, its URL, and the answers its changelog gives, worked out here from the changelog alone. */
const { handbook } = await loadHandbook(root, new Report());
const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
const cases = handbook.pages
	.filter((page) => hasVersionHistory(page.data))
	.map((page) => {
		const data = page.data as DataOf<DocumentKind>;
		const slug = page.file.replace(/^src\/content\/docs\//, '').replace(/\.mdx$/, '');
		const entries = [...data.changelog].sort((a, b) => a.date.localeCompare(b.date));
		const archived = new Set(handbook.pages.filter((other) => (other.data as { archived_of?: string }).archived_of === data.id).map((other) => (other.data as { version: string }).version));
		const asked = entries.map((entry) => ({
			day: entry.date,
			version: entry.version,
			effective: entry.date,
			lost: entry.archived === false ? entry.summary : undefined,
			href: entry.version === data.version ? href(`/${slug}/`) : archived.has(entry.version) ? href(`/${slug}/v/${entry.version}/`) : undefined,
		}));
		return { id: data.id, title: data.title, slug, first: entries[0]!.date, asked };
	});

describe.skipIf(skipBrowser)('document versions', () => {
	test('a document lists its versions, links the archived ones, and shows what changed since the last', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/bot-intent-taxonomy/'));
			const history = page.locator('.ops-history');
			await expect.poll(() => history.locator('tbody tr td:first-child').allTextContents()).toEqual(['3.1.0 (in force)', '3.0.0', '2.3.0 text not kept']);
			await expect.poll(() => history.getByRole('link', { name: '3.0.0', exact: true }).getAttribute('href')).toBe(href('/specs/bot-intent-taxonomy/v/3.0.0/'));
			await expect.poll(() => history.locator('h3').textContent()).toBe('What changed since 3.0.0');
			await expect.poll(async () => (await history.locator('.ops-diff > li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
				'minor severity of label report_user high → medium',
				expect.stringMatching(/^patch definition of label payout_delay reworded ?A creator's withdrawal of earnings is late, missing/),
			]);
			// One replaced phrase: the words deleted, then the words inserted, each announced to screen readers.
			const words = history.locator('.ops-words');
			const texts = async (tag: string) => (await words.locator(tag).allTextContents()).map((text) => text.replace(/\s+/g, ' '));
			await expect.poll(() => texts('del')).toEqual(['deleted: or returned']);
			await expect.poll(() => texts('ins')).toEqual(['inserted: , returned by the bank, or paid short']);
			await expect.poll(() => words.evaluate((p) => [...p.children].map((child) => child.tagName))).toEqual(['DEL', 'INS']);
			await expect.poll(() => page.locator('starlight-toc a', { hasText: 'Version history' }).count()).toBe(1);
			expect(problems).toEqual([]);
		});
	});

	test('?on=DATE says which version was in force that day, and links it', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/bot-intent-taxonomy/?on=2026-10-01'));
			const output = page.locator('ops-in-force output');
			await output.filter({ hasText: 'was in force' }).waitFor();
			await expect.poll(() => output.textContent()).toBe('On 2026-10-01, version 3.0.0 was in force (effective 2026-09-15).');
			await expect.poll(() => output.getByRole('link').getAttribute('href')).toBe(href('/specs/bot-intent-taxonomy/v/3.0.0/'));
			await page.locator('ops-in-force input[name="on"]').fill('2026-11-20');
			await page.getByRole('button', { name: 'Show' }).click();
			await expect.poll(() => output.textContent()).toBe('On 2026-11-20, version 3.1.0 was in force (effective 2026-11-18).');
			expect(problems).toEqual([]);
		});
	});

	test('an archived version renders as it was, with a banner to the version in force, outside the sidebar', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/replies/appeal-status/v/1.0.1/'));
			await expect.poll(() => page.locator('.sl-banner').textContent()).toContain('You are reading version 1.0.1 of “Appeals::Status of my appeal”');
			await expect.poll(() => page.locator('.sl-banner a').getAttribute('href')).toBe(href('/replies/appeal-status/'));
			await expect.poll(() => page.getByRole('complementary', { name: 'Ownership and status' }).textContent()).toMatch(/version 1\.0\.1/);
			await expect.poll(() => page.locator('.ops-variant[lang="en"] blockquote').textContent()).toContain('we have your appeal and a reviewer is looking at it');
			await expect.poll(() => page.locator('nav[aria-label="Main"] a[href*="/v/"]').count()).toBe(0);
			expect(problems).toEqual([]);
		});
	});

	test('the in-force page answers for any document from ?id= and ?on=', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/in-force/?id=live-gifting-fraud&on=2026-10-01'));
			const answer = page.locator('.ops-in-force-page__answer');
			await answer.filter({ hasText: 'was in force' }).waitFor();
			await expect.poll(() => answer.textContent()).toBe('On 2026-10-01, LIVE gifting fraud was in force as version 2.1.0 (effective 2026-09-01).');
			await expect.poll(() => answer.getByRole('link').getAttribute('href')).toBe(href('/specs/live-gifting-fraud/v/2.1.0/'));
			expect(problems).toEqual([]);
		});
	});
	test('/in-force/ answers as the changelog says for every document, every changelog day, and the day before the first', async () => {
		expect(cases.length).toBeGreaterThanOrEqual(12);
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/in-force/'));
			await expect.poll(() => page.locator('select[name="id"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).sort())).toEqual(cases.map((c) => c.id).sort());
			const answer = page.locator('.ops-in-force-page__answer');
			const ask = async (id: string, day: string, expected: { text: string; href: string | undefined }) => {
				await page.locator('select[name="id"]').selectOption(id);
				await page.locator('input[name="on"]').fill(day);
				await page.getByRole('button', { name: 'Show' }).click();
				await expect.poll(() => answer.textContent(), { message: `${id} on ${day}` }).toBe(expected.text);
				await expect.poll(() => answer.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), { message: `${id} on ${day}` }).toEqual(expected.href ? [expected.href] : []);
			};
			for (const doc of cases) {
				await ask(doc.id, dayBefore(doc.first), { text: `${doc.title} had no version in force on ${dayBefore(doc.first)}: its first version came into force on ${doc.first}.`, href: undefined });
				for (const { day, version, effective, lost, href } of doc.asked) {
					const said = `On ${day}, ${doc.title} was in force as version ${version} (effective ${effective}).`;
					await ask(doc.id, day, lost === undefined ? { text: said, href } : { text: `${said} Its text is not kept; its changelog entry says: ${lost}`, href: undefined });
				}
			}
			expect(problems).toEqual([]);
		});
	});

	test("the issue's case: LIVE gifting fraud on 2026-07-01 was 2.0.0, whose text is not kept, and the table says so", async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/in-force/?id=live-gifting-fraud&on=2026-07-01'));
			const answer = page.locator('.ops-in-force-page__answer');
			await expect
				.poll(() => answer.textContent())
				.toBe('On 2026-07-01, LIVE gifting fraud was in force as version 2.0.0 (effective 2026-06-15). Its text is not kept; its changelog entry says: Split gift solicitation out of gift fraud.');
			await expect.poll(() => page.locator('tr[data-id="live-gifting-fraud"] li').allInnerTexts()).toEqual(['2.2.0 from 2026-11-20', '2.1.0 from 2026-09-01', '2.0.0 from 2026-06-15 · text not kept']);
			expect(problems).toEqual([]);
		});
	});

	test('?on= on every document answers for its first day and the day before it', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			const output = page.locator('ops-in-force output');
			for (const doc of cases) {
				const first = doc.asked[0]!;
				await page.goto(url(`/${doc.slug}/?on=${first.day}`));
				const said = `On ${first.day}, version ${first.version} was in force (effective ${first.effective}).`;
				await expect.poll(() => output.textContent(), { message: doc.id }).toBe(first.lost === undefined ? said : `${said} Its text is not kept; its changelog entry says: ${first.lost}`);
				await page.goto(url(`/${doc.slug}/?on=${dayBefore(first.day)}`));
				await expect.poll(() => output.textContent(), { message: doc.id }).toBe(`No version was in force on ${dayBefore(first.day)}: the first took effect on ${first.day}.`);
			}
			expect(problems).toEqual([]);
		});
	});

	test('a draft says it is not in force, and is nowhere a reader looks for what is: in force, ownership, onboarding paths, role pages, quizzes', async () => {
		await withPage(browser(), {}, async ({ page, problems }) => {
			await page.goto(url('/specs/live-match-manipulation/'));
			await expect.poll(() => page.getByRole('complementary', { name: 'Draft — not in force' }).isVisible()).toBe(true);
			const card = page.getByRole('complementary', { name: 'Ownership and status' });
			await expect.poll(() => card.textContent()).toContain('draft');
			await expect.poll(() => card.getByText('In force since').count()).toBe(0);
			await expect.poll(() => page.locator('.ops-quiz-link').count()).toBe(0);
			await expect.poll(() => page.locator('#version-history').count()).toBe(0);

			await page.goto(url('/zh-cn/specs/live-match-manipulation/'));
			await expect.poll(() => page.getByRole('complementary', { name: '草稿——尚未生效' }).isVisible()).toBe(true);

			await page.goto(url('/in-force/'));
			await expect.poll(() => page.locator('select[name="id"] option').count()).toBeGreaterThan(10);
			await expect.poll(() => page.locator('select[name="id"] option[value="live-match-manipulation"]').count()).toBe(0);
			await expect.poll(() => page.locator('tr[data-id="live-match-manipulation"]').count()).toBe(0);
			await page.goto(url('/in-force/?id=live-match-manipulation&on=2027-02-01'));
			await expect.poll(() => page.locator('.ops-in-force-page__answer').textContent()).toBe('No document in force has the id “live-match-manipulation”: pick one from the list.');

			// Its owners still find it, in the ownership view, with no day it came into force.
			await page.goto(url('/ownership/'));
			const row = page.locator('.ops-ownership tbody tr', { has: page.locator(`a[href="${href('/specs/live-match-manipulation/')}"]`) });
			await expect.poll(async () => (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
				'LIVE match manipulation Labeling spec',
				'LIVE monetization governance',
				'draft',
				'0.1.0',
				'2027-04-30',
				'',
			]);
			// A document in force says since when; the draft does not.
			await expect.poll(() => page.locator('.ops-ownership__since').count()).toBeGreaterThan(10);
			await expect.poll(() => row.locator('.ops-ownership__since').count()).toBe(0);

			// Nor on an onboarding path, whose items are the pages a new labeler reads first.
			for (const path of ['/onboarding/vendor-labeler-week-one/', '/zh-cn/onboarding/vendor-labeler-week-one/']) {
				await page.goto(url(path));
				await expect.poll(() => page.locator('ops-path a[href*="live-gifting-fraud"]').count(), { message: path }).toBeGreaterThan(0);
				await expect.poll(() => page.locator('ops-path a[href*="live-match-manipulation"]').count(), { message: path }).toBe(0);
			}
			for (const role of ['/start/labeling/', '/zh-cn/start/labeling/']) {
				await page.goto(url(role));
				await expect.poll(() => page.locator('.ops-doc-list a[href*="live-gifting-fraud"]').count(), { message: role }).toBeGreaterThan(0);
				await expect.poll(() => page.locator('.ops-doc-list a[href*="live-match-manipulation"]').count(), { message: role }).toBe(0);
			}
			expect(problems).toEqual([]);
		});
		await withPage(browser(), {}, async ({ page }) => {
			expect((await page.goto(url('/quiz/live-match-manipulation/')))?.status()).toBe(404);
			expect((await page.goto(url('/quiz/live-gifting-fraud/')))?.status()).toBe(200);
		});
	});
});
