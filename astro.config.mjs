// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import opsbookCheck from './src/integrations/opsbook-check.ts';
import opsbookHosting from './src/integrations/opsbook-hosting.ts';
import { snapshotPublisher } from './src/lib/snapshot/publish.ts';
import { emittedFiles } from './src/lib/site/emitted-files.ts';
import { locales, translatedLocales } from './src/lib/i18n/locales.ts';
import { movedAddresses } from './src/lib/hosting/redirects.ts';
import { astroCsp } from './src/lib/hosting/csp.ts';
import { siteBase } from './src/lib/hosting/base.ts';
import { buildPlan } from './src/lib/audience/plan.ts';

// The audience this site is built for (OPSBOOK_AUDIENCE): the sidebar names only pages it may read.
const { hiddenPaths, hiddenFiles, reader } = await buildPlan();
const base = siteBase(process.env.OPSBOOK_BASE);
// Old addresses of moved pages (src/content/redirects.yaml): their pages send readers on and ask
// search engines not to index them, so the sitemap leaves them out.
const moved = await movedAddresses(import.meta.dirname, base, [undefined, ...translatedLocales]);
const ifVisible = (/** @type {string} */ slug) => (hiddenPaths.has(slug === 'index' ? '/' : `/${slug}/`) ? [] : [slug]);
/** A sidebar group of a docs folder, left out when the audience may read none of its pages. */
const folder = (/** @type {string} */ label, /** @type {string} */ zh, /** @type {string} */ directory) =>
	(existsSync(`src/content/docs/${directory}`) ? readdirSync(`src/content/docs/${directory}`, { recursive: true, encoding: 'utf8' }) : []).some((file) => /\.mdx?$/.test(file) && !hiddenFiles.has(`src/content/docs/${directory}/${file}`))
		? [{ label, translations: { 'zh-CN': zh }, items: [{ autogenerate: { directory } }] }]
		: [];

export default defineConfig({
	site: 'https://opsbook.example',
	// OPSBOOK_BASE=/handbook/ serves the whole site under a sub-path.
	base,
	// A Content-Security-Policy meta tag on every page: scripts from the site or by hash only.
	security: { csp: astroCsp(import.meta.dirname) },
	integrations: [
		opsbookCheck(),
		// Starlight adds the sitemap itself unless it is here: here with Starlight's own languages,
		// and without the old addresses of moved pages.
		sitemap({
			i18n: { defaultLocale: 'root', locales: Object.fromEntries(Object.entries(locales).map(([locale, { lang }]) => [locale, lang])) },
			filter: (page) => !moved.has(new URL(page).pathname),
		}),
		// Serves (dev) or copies into dist/ (build) every snapshot a page reads, content-hashed, with
		// only the rows of each dataset the audience may read.
		snapshotPublisher({ rowFilters: reader.rows }),
		// Serves (dev) or writes into dist/ (build) the files pages make, e.g. charts' prepared data.
		emittedFiles(),
		starlight({
			title: 'opsbook',
			// English at the root, translations under /zh-cn/; untranslated pages fall back to English.
			defaultLocale: 'root',
			locales,
			// Our own 404 page (src/pages/404.astro) points lost readers back to the handbook.
			disable404Route: true,
			description: 'Operations handbook and metric reviews for trust & safety and live-service teams.',
			customCss: ['./src/styles/opsbook.css'],
			components: {
				PageTitle: './src/components/overrides/PageTitle.astro',
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
			},
			routeMiddleware: './src/route-middleware.ts',
			// Labels in every language; links to the site's own routes are localized by src/route-middleware.ts.
			sidebar: [
				{
					label: 'Start here',
					translations: { 'zh-CN': '从这里开始' },
					items: [
						...ifVisible('index'),
						{ label: 'By role', translations: { 'zh-CN': '按角色' }, items: [{ autogenerate: { directory: 'start' } }] },
						...ifVisible('guides/adding-a-page'),
						{ label: 'Glossary', translations: { 'zh-CN': '术语表' }, link: '/glossary/' },
						{ label: 'Teams', translations: { 'zh-CN': '团队' }, link: '/teams/' },
						{ label: 'Version in force on a date', translations: { 'zh-CN': '查询某日生效的版本' }, link: '/in-force/' },
						{ label: 'Ownership and review dates', translations: { 'zh-CN': '负责团队与复审日期' }, link: '/ownership/' },
					],
				},
				...folder('Onboarding', '入职路径', 'onboarding'),
				...folder('Labeling specs', '标注规范', 'specs'),
				...folder('Escalation flows', '升级流程', 'flows'),
				...folder('Reply scripts', '回复话术', 'replies'),
				...folder('SOPs', 'SOP', 'sops'),
				{
					label: 'Metric reviews',
					translations: { 'zh-CN': '指标复盘' },
					items: [
						{ label: 'Metric catalog', translations: { 'zh-CN': '指标目录' }, link: '/metrics/' },
						{ label: 'Data explorer', translations: { 'zh-CN': '数据浏览器' }, link: '/data/' },
						{ autogenerate: { directory: 'reviews' } },
					],
				},
			],
		}),
		// After Starlight, so that its search index is written before the build is checked and compressed.
		opsbookHosting(),
	],
	build: {
		// Pages that draw charts wait on DuckDB native (its own threads) for their rows; rendering
		// four pages at a time keeps the main thread busy meanwhile. On the 1,000-page bench
		// handbook this took the render phase from 14.4 s to 10.4 s; 8 at a time was no faster.
		// Every shared build-time cache (queries, snapshots, prepared charts) memoizes promises,
		// so pages rendered at once ask DuckDB each question once.
		concurrency: 4,
	},
	vite: {
		// DuckDB-WASM ships a 34 MB engine; it is loaded on chart pages only, from our own origin.
		build: {
			chunkSizeWarningLimit: 1024,
			rolldownOptions: {
				// Astro marks MDX modules with a directive that Rolldown warns about on every page
				// (withastro/astro#18087, open); the directive is Astro's own and harmless.
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
					handler(level, log);
				},
			},
		},
	},
});
