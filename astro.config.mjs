// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import opsbookCheck from './src/integrations/opsbook-check.ts';

export default defineConfig({
	site: 'https://opsbook.example',
	integrations: [
		opsbookCheck(),
		starlight({
			title: 'opsbook',
			// Our own 404 page (src/pages/404.astro) points lost readers back to the handbook.
			disable404Route: true,
			description: 'Operations handbook and metric reviews for trust & safety and live-service teams.',
			customCss: ['./src/styles/opsbook.css'],
			components: {
				PageTitle: './src/components/overrides/PageTitle.astro',
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
			},
			routeMiddleware: './src/route-middleware.ts',
			sidebar: [
				{
					label: 'Start here',
					items: ['index', { label: 'By role', items: [{ autogenerate: { directory: 'start' } }] }, 'guides/adding-a-page', { label: 'Glossary', link: '/glossary/' }, { label: 'Teams', link: '/teams/' }, { label: 'Version in force on a date', link: '/in-force/' }, { label: 'Ownership and review dates', link: '/ownership/' }],
				},
				{ label: 'Onboarding', items: [{ autogenerate: { directory: 'onboarding' } }] },
				{ label: 'Labeling specs', items: [{ autogenerate: { directory: 'specs' } }] },
				{ label: 'Escalation flows', items: [{ autogenerate: { directory: 'flows' } }] },
				{ label: 'Reply scripts', items: [{ autogenerate: { directory: 'replies' } }] },
				{ label: 'SOPs', items: [{ autogenerate: { directory: 'sops' } }] },
				{ label: 'Metric reviews', items: [{ label: 'Metric catalog', link: '/metrics/' }, { autogenerate: { directory: 'reviews' } }] },
			],
		}),
	],
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
