import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { audienceLoader } from './lib/audience/loader.ts';
import { buildPlan } from './lib/audience/plan.ts';
import { visibleParts, visibleTo } from './lib/audience/visibility.ts';
import { dataset } from './schemas/dataset.ts';
import { glossaryTerm } from './schemas/glossary.ts';
import { metric } from './schemas/metric.ts';
import { redirect } from './schemas/redirect.ts';
import { pageSchema, upgradeFrontmatter } from './schemas/page.ts';
import { team } from './schemas/team.ts';
import { uiStringsCollection } from './lib/i18n/strings.ts';

// The audience this build is for (OPSBOOK_AUDIENCE, default internal): what it may not read never
// enters a collection.
const plan = await buildPlan();
const { reader } = plan;
const forReader = (entry: { data: Record<string, unknown> }) => !visibleTo(entry.data.audience as string[] | undefined, reader);

export const collections = {
	docs: defineCollection({
		loader: audienceLoader(docsLoader(), {
			drop: (entry) => plan.hiddenFiles.has(entry.filePath ?? ''),
			// Edge cases may be kept from some of a page's readers (a fraud signal, say).
			data: (data) => (Array.isArray(data.edge_cases) ? { ...data, edge_cases: visibleParts(data.edge_cases as { audience?: string[] }[], reader) } : data),
			upgrade: (data) => upgradeFrontmatter(data) as Record<string, unknown>,
		}),
		schema: docsSchema({ extend: pageSchema }),
	}),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsCollection }) }),
	datasets: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './src/content/datasets' }),
		schema: dataset,
	}),
	teams: defineCollection({ loader: file('src/content/teams.yaml'), schema: team }),
	glossary: defineCollection({ loader: audienceLoader(file('src/content/glossary.yaml'), { drop: forReader }), schema: glossaryTerm }),
	metrics: defineCollection({ loader: audienceLoader(file('src/content/metrics.yaml'), { drop: forReader }), schema: metric }),
	// Old addresses of pages that moved (src/pages/[...moved].astro writes a page at each).
	redirects: defineCollection({ loader: file('src/content/redirects.yaml'), schema: redirect }),
};
