import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { dataset } from './schemas/dataset.ts';
import { pageSchema } from './schemas/page.ts';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageSchema }) }),
	datasets: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './src/content/datasets' }),
		schema: dataset,
	}),
};
