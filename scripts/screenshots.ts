/**
 * npm run screenshots [-- --page /path/ --out file.png [--full] [--width 1280]]
 *
 * Pictures of the production build for the README, taken in Chromium the same way the browser
 * suite sees the site; with --page, one picture of any page. Run `npm run build` first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium, launchChromium } from './chromium.ts';
import { serve } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		page: { type: 'string' },
		out: { type: 'string' },
		full: { type: 'boolean', default: false },
		width: { type: 'string', default: '1280' },
	},
});
const readme = [
	{ file: 'review.png', path: '/reviews/bot-service-weekly/', scrollTo: 'ops-chart' },
	{ file: 'spec.png', path: '/specs/live-gifting-fraud/', scrollTo: '#decision-tree' },
	{ file: 'home.png', path: '/' },
	{ file: 'flow.png', path: '/flows/minor-safety-live/', scrollTo: '#diagram' },
	{ file: 'history.png', path: '/specs/bot-intent-taxonomy/?on=2026-10-01', scrollTo: '#version-history' },
];

const shots: { file: string; path: string; scrollTo?: string }[] = values.page
	? [{ file: path.resolve(values.out ?? 'screenshot.png'), path: values.page }]
	: readme.map((shot) => ({ ...shot, file: path.join(root, 'docs', 'images', shot.file) }));

const found = findChromium();
if ('missing' in found) {
	console.error(`screenshots: ${found.missing}`);
	process.exit(1);
}
const { server, url } = await serve(path.join(root, 'dist'));
const browser = await launchChromium(found.path);
try {
	const page = await browser.newPage({ viewport: { width: Number(values.width), height: 860 } });
	for (const shot of shots) {
		await page.goto(new URL(shot.path, url).href, { waitUntil: 'networkidle' });
		await page.waitForFunction(() =>
			[...document.querySelectorAll('ops-chart')].every((chart) => (chart as HTMLElement).dataset.state === 'ready'),
		);
		if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await page.screenshot({ path: shot.file, fullPage: values.full });
		console.log(`screenshots: ${path.relative(root, shot.file)}`);
	}
} finally {
	await browser.close();
	server.close();
}
