/**
 * The check row of `npm run bench`: `npm run check`'s work on a generated handbook of `pages`
 * pages in both languages, against the floor of reading the same files and parsing their YAML
 * without positions or schemas.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { extractFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { checkHandbook } from '../../src/lib/checks/index.ts';
import type { GeneratedHandbook } from './handbook.ts';
import type { Results } from './rows.ts';
import { sample } from './timing.ts';

export async function benchCheck(results: Results, handbook: string, generated: GeneratedHandbook, runs: number): Promise<void> {
	const docs = path.join(handbook, 'src/content/docs');
	const floor = await sample(runs, async () => {
		const files = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.mdx'));
		await Promise.all(files.map(async (file) => parse(extractFrontmatter(await readFile(path.join(docs, file), 'utf8')).yaml)));
	});
	let errors = 0;
	const check = await sample(runs, async () => {
		errors = (await checkHandbook(handbook, { today: '2026-11-22' })).errors;
	});
	if (errors > 0) throw new Error(`bench: the generated handbook has ${errors} errors; the benchmark needs a valid one (run npm run check in ${handbook})`);
	results.add({
		id: 'check',
		what: 'npm run check',
		size: `${generated.pages.toLocaleString('en')} pages (${generated.translations.toLocaleString('en')} in Chinese)`,
		samples: check,
		baseline: { what: 'reading the files and parsing their YAML', samples: floor },
	});
}
