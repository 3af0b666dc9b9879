import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { dataset } from './schemas/dataset.ts';
import { glossaryTerm } from './schemas/glossary.ts';
import { metric } from './schemas/metric.ts';
import { pageSchema } from './schemas/page.ts';
import { team } from './schemas/team.ts';
import { uiStringsCollection } from './lib/i18n/strings.ts';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageSchema }) }),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsCollection }) }),
	datasets: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './src/content/datasets' }),
		schema: dataset,
	}),
	teams: defineCollection({ loader: file('src/content/teams.yaml'), schema: team }),
	glossary: defineCollection({ loader: file('src/content/glossary.yaml'), schema: glossaryTerm }),
	metrics: defineCollection({ loader: file('src/content/metrics.yaml'), schema: metric }),
};
