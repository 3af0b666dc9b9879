// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	site: 'https://opsbook.example',
	integrations: [
		starlight({
			title: 'opsbook',
			description: 'Operations handbook and metric reviews for trust & safety and live-service teams.',
			customCss: ['./src/styles/opsbook.css'],
			components: { PageTitle: './src/components/overrides/PageTitle.astro' },
			sidebar: [
				{ label: 'Start here', items: ['index', 'guides/adding-a-page'] },
				{ label: 'Labeling specs', items: [{ autogenerate: { directory: 'specs' } }] },
				{ label: 'Escalation flows', items: [{ autogenerate: { directory: 'flows' } }] },
				{ label: 'Reply scripts', items: [{ autogenerate: { directory: 'replies' } }] },
				{ label: 'SOPs', items: [{ autogenerate: { directory: 'sops' } }] },
				{ label: 'Metric reviews', items: [{ autogenerate: { directory: 'reviews' } }] },
			],
		}),
	],
	vite: {
		// DuckDB-WASM ships a 34 MB engine; it is loaded on chart pages only, from our own origin.
		build: { chunkSizeWarningLimit: 1024 },
	},
});
