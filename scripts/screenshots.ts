/**
 * npm run screenshots: pictures of the production build for the README, taken in Chromium the
 * same way the browser suite sees the site. Run `npm run build` first.
 */
import path from 'node:path';
import { findChromium, launchChromium } from './chromium.ts';
import { serve } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const shots = [
	{ file: 'review.png', path: '/reviews/bot-service-weekly/', scrollTo: 'ops-chart' },
	{ file: 'spec.png', path: '/specs/live-gifting-fraud/', scrollTo: '#decision-tree' },
	{ file: 'home.png', path: '/' },
];

const found = findChromium();
if ('missing' in found) {
	console.error(`screenshots: ${found.missing}`);
	process.exit(1);
}
const { server, url } = await serve(path.join(root, 'dist'));
const browser = await launchChromium(found.path);
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
	for (const shot of shots) {
		await page.goto(new URL(shot.path, url).href, { waitUntil: 'networkidle' });
		await page.waitForFunction(() =>
			[...document.querySelectorAll('ops-chart')].every((chart) => (chart as HTMLElement).dataset.state === 'ready'),
		);
		if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
		const file = path.join(root, 'docs', 'images', shot.file);
		await page.screenshot({ path: file });
		console.log(`screenshots: ${path.relative(root, file)}`);
	}
} finally {
	await browser.close();
	server.close();
}
