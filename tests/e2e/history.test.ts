/**
 * Metric history in the production build: a series index lists every review newest first with
 * its own headline values; each dated review reads the snapshot it pins (a later snapshot never
 * changes an earlier review), the review built on a restating snapshot says what moved, the catalog
 * reads each dataset's latest snapshot, and figures in commentary are the tiles' figures.
 */
import { describe, expect, test } from 'vitest';
import { changeView, configOf } from './chart-views.ts';
import { chartsSettled, href, skipBrowser, url, urlOfLink, useBrowser, withPage } from './harness.ts';

const html = async (pathname: string) => (await fetch(url(pathname))).text();
const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const tile = (page: string, metric: string) => text(new RegExp(`<li[^>]*data-metric="${metric}"[\\s\\S]*?<p class="ops-kpi__value[^"]*"[^>]*>([^<]*)<`).exec(page)?.[1] ?? '');
const values = (page: string, metric: string) => [...page.matchAll(new RegExp(`<span class="ops-value[^"]*"[^>]*data-metric="${metric}"[^>]*>([^<]*)</span>`, 'g'))].map((m) => m[1]);
const browser = useBrowser();

describe.skipIf(skipBrowser)('review series', () => {
	test('the series index lists every review, newest first, with its period and headline values', async () => {
		const page = await html('/reviews/bot-service/');
		const rows = [...page.matchAll(/<th scope="row"[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a>[\s\S]*?<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], m[2], text(m[3]!)]);
		expect(rows.map(([link, period]) => [link, period])).toEqual([
			[href('/reviews/bot-service/2026-11-15/'), '9–15 Nov 2026'],
			[href('/reviews/bot-service/2026-11-08/'), '2–8 Nov 2026'],
			[href('/reviews/bot-service/2026-11-01/'), '26 Oct – 1 Nov 2026'],
			[href('/reviews/bot-service/2026-10-25/'), '19–25 Oct 2026'],
		]);
		// Each row holds the values its own review's tiles show, from its own snapshot.
		for (const [link, , cells] of rows) {
			const review = await (await fetch(urlOfLink(link!))).text();
			expect(cells).toContain(tile(review, 'escalation_to_agent_rate'));
			expect(cells).toContain(tile(review, 'response_accuracy'));
		}
		expect(rows[1]![2]).toMatch(/^15\.4% /);
	});

	test('each review reads its pinned snapshot: a later one never changes what an earlier review shows', async () => {
		const earlier = await html('/reviews/bot-service/2026-11-08/');
		const later = await html('/reviews/bot-service/2026-11-15/');
		// The week of 2 November as published on 8 November, with late hand-offs still missing…
		expect(tile(earlier, 'escalation_to_agent_rate')).toBe('15.4%');
		// …and as the 15 November snapshot restates it.
		expect(values(later, 'escalation_to_agent_rate')[1]).toBe('16.1%');
		expect(earlier).toMatch(/data-config="[^"]*bot_service_daily@2026-11-08/);
		expect(earlier).not.toMatch(/bot_service_daily@2026-11-15/);
		expect(later).toMatch(/_snapshots\/bot_service_daily\/2026-11-15\.[0-9a-f]{16}\.parquet/);
		expect(earlier).toMatch(/_snapshots\/bot_service_daily\/2026-11-08\.[0-9a-f]{16}\.parquet/);
	});

	test('the review on a restating snapshot says what moved; the others say nothing', async () => {
		const page = await html('/reviews/bot-service/2026-11-15/');
		expect(page).toMatch(/<p class="starlight-aside__title"[^>]*>[\s\S]*?Restated since 8 Nov 2026<\/p>/);
		expect(text(/<p class="ops-restated[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(page)![1]!)).toBe(
			'Days changed by late data or corrections, which an earlier snapshot of bot_service_daily had published: 3 (6 Nov 2026 to 8 Nov 2026). Escalation-to-agent rate, week of 2 Nov 2026: 15.4% → 16.1%.',
		);
		for (const date of ['2026-10-25', '2026-11-01', '2026-11-08']) expect(await html(`/reviews/bot-service/${date}/`)).not.toContain('Restated since');
	});

	test('figures in commentary are the tiles\' figures, with the digits that tell a near-target value apart', async () => {
		const bot = await html('/reviews/bot-service/2026-11-15/');
		expect(values(bot, 'escalation_to_agent_rate')[0]).toBe(tile(bot, 'escalation_to_agent_rate'));
		expect(tile(bot, 'response_accuracy')).toBe('89.96%');
		expect(text(bot)).toContain('slipped to 89.96% (short of target; target 90.0%)');
		const labeling = await html('/reviews/labeling-quality/2026-11-15/');
		expect(values(labeling, 'kappa')[0]).toBe(tile(labeling, 'kappa'));
		const monetization = await html('/reviews/monetization-governance-weekly/');
		const overturn = tile(monetization, 'monetization_overturn_rate');
		expect(values(monetization, 'monetization_overturn_rate')[0]).toBe(overturn);
		expect(overturn).toMatch(/^10\.\d+%$/);
		expect(text(monetization)).toContain(`${overturn} (short of target; target 10.0%)`);
	});

	test('the catalog reads each dataset\'s latest snapshot', async () => {
		const catalog = text(await html('/metrics/'));
		expect(catalog).toMatch(/Escalation-to-agent rate[\s\S]*?15\.6% week of 2026-11-09/);
	});

	test('in the browser, two reviews of one dataset read their own snapshots: the file the engine would load, and the prepared aggregates', async () => {
		for (const [date, relation] of [['2026-11-08', 'bot_service_daily@2026-11-08'], ['2026-11-15', 'bot_service_daily@2026-11-15']]) {
			await withPage(browser(), {}, async (watched) => {
				await watched.page.goto(url(`/reviews/bot-service/${date}/`));
				await chartsSettled(watched.page);
				const charts = await watched.page.locator('ops-chart').all();
				const configs = await Promise.all(charts.map(configOf));
				expect(new Set(configs.map((config) => config.query.relation))).toEqual(new Set([relation]));
				// The snapshot the engine would load, and the aggregates prepared from it, are this date's.
				for (const config of configs) expect(config.snapshot.url).toMatch(new RegExp(`/_snapshots/bot_service_daily/${date}\\.[0-9a-f]{16}\\.parquet$`));
				// A filter change reads the prepared file, which names its relation: a file of another
				// snapshot would be refused with an error on the chart.
				const market = await charts[0]!.locator('select[name="market"] option').nth(1).evaluate((option) => (option as HTMLOptionElement).value);
				await expect(changeView(charts[0]!, { market })).resolves.toBe('prepared');
				await expect.poll(() => charts[0]!.getAttribute('data-state')).toBe('ready');
				expect(watched.requests.filter((request) => request.endsWith('.parquet'))).toEqual([]);
				expect(watched.problems).toEqual([]);
			});
		}
	});
});
