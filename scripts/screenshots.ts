/**
 * npm run screenshots [-- --page /path/ --out file.png [--full] [--width 1280]] [-- --only history.png,draft.png]
 *
 * Pictures of the production build for the README, taken in Chromium the same way the browser
 * suite sees the site; with --page, one picture of any page; with --only, the README pictures
 * named. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium } from './chromium.ts';
import { serve } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		page: { type: 'string' },
		out: { type: 'string' },
		only: { type: 'string' },
		full: { type: 'boolean', default: false },
		width: { type: 'string', default: '1280' },
	},
});
/** Answers every question of the quiz on the page rightly, as a reader who read the spec would. */
async function passQuiz(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	const questions = page.locator('li[data-answer]');
	for (let i = 0; i < (await questions.count()); i++) {
		const question = questions.nth(i);
		await question.locator(`input[value="${await question.getAttribute('data-answer')}"]`).check();
		await question.locator('.ops-quiz__check').click();
	}
}

/** Reads every page of the onboarding path on the page, and passes its quiz. */
async function finishPath(page: Page): Promise<void> {
	await page.locator('.ops-path__progress').waitFor();
	for (const box of await page.locator('li[data-page] input[type="checkbox"]').all()) await box.check();
	const quiz = await page.locator('li[data-quiz] a').first().getAttribute('href');
	await page.goto(new URL(quiz!, page.url()).href);
	await passQuiz(page);
	await page.goBack();
	await page.reload();
}

/** Runs the workbench's first metric-by-week example and opens its quick chart. */
async function exploreMetric(page: Page): Promise<void> {
	await page.waitForFunction(() => (document.querySelector('ops-explorer') as HTMLElement).dataset.resultRows !== undefined, undefined, { timeout: 60_000 });
	await page.getByRole('link', { name: 'Escalation-to-agent rate, by week' }).click();
	await page.waitForFunction(() => (document.querySelector('ops-explorer') as HTMLElement).dataset.resultRows !== '100');
	await page.locator('.ops-explorer__chart summary').click();
	await page.locator('.ops-explorer__plot svg').waitFor();
}

interface Shot {
	file: string;
	path: string;
	/** The window's width, when not the default: 390 for a phone. */
	width?: number;
	scrollTo?: string;
	/** What the reader does before the picture. */
	prepare?: (page: Page) => Promise<void>;
	/** The window's height, when the picture needs more than the default 860 px. */
	height?: number;
}

const readme: Shot[] = [
	{ file: 'review.png', path: '/reviews/bot-service/2026-11-15/', scrollTo: 'ops-chart' },
	// The same review on a phone: the chart redrawn at the screen's width, its text full size.
	{ file: 'review-phone.png', path: '/reviews/bot-service/2026-11-15/', scrollTo: 'ops-chart', width: 390 },
	{ file: 'ownership-phone.png', path: '/ownership/', scrollTo: '.ops-ownership tbody', width: 390 },
	{ file: 'series.png', path: '/reviews/bot-service/', scrollTo: '.ops-series' },
	{ file: 'restated.png', path: '/reviews/bot-service/2026-11-15/', scrollTo: '.ops-review-nav' },
	{ file: 'spec.png', path: '/specs/live-gifting-fraud/', scrollTo: '#decision-tree' },
	{ file: 'home.png', path: '/' },
	{ file: 'flow.png', path: '/flows/minor-safety-live/', scrollTo: '#diagram' },
	{ file: 'history.png', path: '/specs/bot-intent-taxonomy/?on=2026-07-01', scrollTo: '#version-history' },
	{ file: 'in-force.png', path: '/in-force/?id=live-gifting-fraud&on=2026-07-01' },
	{ file: 'draft.png', path: '/specs/live-match-manipulation/' },
	// A new labeler's way, in English and in Chinese: "I am new", a finished path, a passed quiz.
	{ file: 'new.png', path: '/start/new/' },
	{ file: 'path.png', path: '/onboarding/vendor-labeler-week-one/', prepare: finishPath, scrollTo: '.ops-path__audience' },
	{ file: 'quiz.png', path: '/quiz/live-gifting-fraud/', prepare: passQuiz, scrollTo: '.ops-quiz li:last-child' },
	{ file: 'new-zh.png', path: '/zh-cn/start/new/' },
	{ file: 'path-zh.png', path: '/zh-cn/onboarding/vendor-labeler-week-one/', prepare: finishPath, scrollTo: '.ops-path__audience' },
	{ file: 'quiz-zh.png', path: '/zh-cn/quiz/live-gifting-fraud/', prepare: passQuiz, scrollTo: '.ops-quiz li:last-child' },
	{ file: 'outdated-zh.png', path: '/zh-cn/replies/appeal-status/' },
	{ file: 'explorer.png', path: '/data/bot_service_daily/', prepare: exploreMetric, scrollTo: 'ops-explorer', height: 1900 },
];

const shots: Shot[] = values.page
	? [{ file: path.resolve(values.out ?? 'screenshot.png'), path: values.page }]
	: readme
			.filter((shot) => !values.only || values.only.split(',').includes(shot.file))
			.map((shot) => ({ ...shot, file: path.join(root, 'docs', 'images', shot.file) }));
if (shots.length === 0) {
	console.error(`screenshots: no README picture named ${values.only} (they are ${readme.map((shot) => shot.file).join(', ')})`);
	process.exit(2);
}

const found = findChromium();
if ('missing' in found) {
	console.error(`screenshots: ${found.missing}`);
	process.exit(1);
}
// Chromium draws Chinese text with the machine's fonts: without a CJK font it shows boxes.
const cjk = (() => {
	try {
		return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
	} catch {
		return false;
	}
})();
if (!cjk) console.warn('screenshots: no Chinese font on this machine (Debian: apt-get install fonts-noto-cjk); Chinese text will show as boxes');
const { server, url } = await serve(path.join(root, 'dist'));
const browser = await launchChromium(found.path);
try {
	for (const shot of shots) {
		const page = await browser.newPage({ viewport: { width: shot.width ?? Number(values.width), height: shot.height ?? 860 } });
		await page.goto(new URL(shot.path, url).href, { waitUntil: 'networkidle' });
		await page.waitForFunction(() =>
			[...document.querySelectorAll('ops-chart')].every((chart) => (chart as HTMLElement).dataset.state === 'ready'),
		);
		await shot.prepare?.(page);
		if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await page.screenshot({ path: shot.file, fullPage: values.full });
		await page.close();
		console.log(`screenshots: ${path.relative(root, shot.file)}`);
	}
} finally {
	await browser.close();
	server.close();
}
