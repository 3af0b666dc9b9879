/**
 * The build rows of `npm run bench`: `astro build` of the generated handbook (the project as it
 * is, with the generated pages in both languages, in a git repository whose `origin/main` is its
 * own head, as in CI) against bare Starlight building as many one-screen pages, split between
 * the same two languages the same way: once as Markdown (`.md`), the project's target, and once
 * the same pages as MDX (`.mdx`), which says how much of the gap is MDX itself. A `.md` page is
 * rendered to HTML when content syncs; an `.mdx` page, even one that imports nothing, is a module
 * Vite compiles and bundles and a component Astro renders, as every handbook page is. Wall time and
 * the peak memory of the build's process tree; the builds alternate, so a change in the machine's
 * load touches them alike.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GeneratedHandbook } from './handbook.ts';
import type { Results } from './rows.ts';
import { peakTreeMiB } from './timing.ts';

const exec = promisify(execFile);

/** Hard links, not a symbolic link: Vite resolves a linked node_modules to its real path and then fails to find the copy's compiled components. */
export async function linkNodeModules(root: string, site: string): Promise<void> {
	await exec('cp', ['-al', path.join(root, 'node_modules'), path.join(site, 'node_modules')]);
}

/** A copy of the project to build elsewhere: its configuration, sources, public files and snapshots. */
export async function copyProject(root: string, site: string): Promise<void> {
	await mkdir(site, { recursive: true });
	for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'data']) {
		await cp(path.join(root, entry), path.join(site, entry), { recursive: true });
	}
	await linkNodeModules(root, site);
}

/** Makes `site` a git repository with one commit and `origin/main` at it, as a CI clone has. */
export async function commitAll(site: string): Promise<void> {
	const git = (...args: string[]) => exec('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: site, maxBuffer: 2 ** 26 });
	await writeFile(path.join(site, '.gitignore'), 'node_modules/\ndist/\n.astro/\n');
	await git('init', '-q', '-b', 'main');
	await git('add', '-A');
	await git('commit', '-q', '-m', 'bench');
	await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
}

const bareConfig = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	integrations: [
		starlight({
			title: 'Bare Starlight',
			defaultLocale: 'root',
			locales: { root: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' } },
		}),
	],
});
`;

const bareContentConfig = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: One screen of text for the build benchmark.\n---\n\n${body}\n`;
const english = (n: number) =>
	page(
		`Page ${n}`,
		`## What this page is\n\nA page of about one screen, the size of a short SOP step list or a glossary entry. It has a heading, two paragraphs and a list.\n\n- First item with **bold** text\n- Second item with a [link](/)\n- Third item with \`code\`\n\nThe last paragraph closes the page, so that the builder renders a table of contents and a pagination footer as it does for every page.`,
	);
const chinese = (n: number) =>
	page(`第 ${n} 页`, `## 这一页是什么\n\n大约一屏的内容，相当于一份简短的 SOP 或一个术语条目。它有一个标题、两个段落和一个列表。\n\n- 第一项，含**粗体**文字\n- 第二项，含[链接](/)\n- 第三项，含 \`代码\`\n\n最后一段结束本页，让构建器像对每一页那样生成目录和翻页。`);

/**
 * Bare Starlight 0.42 with the handbook's two languages and as many pages, split the same way, as
 * Markdown or, with `extension: 'mdx'`, the same text as MDX.
 */
export async function bareStarlight(root: string, site: string, generated: GeneratedHandbook, extension: 'md' | 'mdx' = 'md'): Promise<void> {
	const docs = path.join(site, 'src/content/docs');
	await mkdir(path.join(docs, 'zh-cn'), { recursive: true });
	// Astro finds the packages to bundle (Starlight, whose modules import astro:content) among the
	// project's dependencies: without them listed, every page fails to render.
	const { dependencies } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	const bare = { name: 'bare-starlight', private: true, type: 'module', dependencies: { astro: dependencies.astro, '@astrojs/starlight': dependencies['@astrojs/starlight'] } };
	await writeFile(path.join(site, 'package.json'), `${JSON.stringify(bare, null, '\t')}\n`);
	await writeFile(path.join(site, 'astro.config.mjs'), bareConfig);
	await writeFile(path.join(site, 'src/content.config.ts'), bareContentConfig);
	const pages = generated.pages - generated.translations;
	for (let n = 1; n <= pages; n++) {
		await writeFile(path.join(docs, `page-${n}.${extension}`), english(n));
		if (n <= generated.translations) await writeFile(path.join(docs, 'zh-cn', `page-${n}.${extension}`), chinese(n));
	}
	await linkNodeModules(root, site);
}

/** One `astro build --force` of `site`: wall milliseconds and the peak memory of its process tree. */
async function build(root: string, site: string): Promise<{ ms: number; peakMiB: number }> {
	const start = performance.now();
	const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], { cwd: site, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const done = new Promise<void>((resolve, reject) =>
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench: astro build in ${site} exited with ${code}\n${stderr.slice(-4000)}`)))),
	);
	const peakMiB = await peakTreeMiB(child.pid!, done);
	await done;
	return { ms: performance.now() - start, peakMiB };
}

export async function benchBuild(results: Results, root: string, sites: { handbook: string; bare: string; bareMdx: string }, generated: GeneratedHandbook, runs: number): Promise<void> {
	const ours: { ms: number; peakMiB: number }[] = [];
	const theirs: { ms: number; peakMiB: number }[] = [];
	const theirsMdx: { ms: number; peakMiB: number }[] = [];
	for (let i = 0; i < runs; i++) {
		console.log(`bench: building bare Starlight (Markdown, then MDX) and the handbook, run ${i + 1} of ${runs}`);
		theirs.push(await build(root, sites.bare));
		theirsMdx.push(await build(root, sites.bareMdx));
		ours.push(await build(root, sites.handbook));
	}
	const size = `${generated.pages.toLocaleString('en')} pages, English and Chinese`;
	results.add({
		id: 'build',
		what: 'npm run build',
		size,
		samples: ours.map((b) => b.ms),
		baseline: { what: 'bare Starlight 0.42, one-screen pages', samples: theirs.map((b) => b.ms) },
	});
	results.add({
		id: 'build.memory',
		what: 'npm run build, peak memory',
		size,
		unit: 'MiB',
		samples: ours.map((b) => b.peakMiB),
		baseline: { what: 'bare Starlight', samples: theirs.map((b) => b.peakMiB) },
	});
	results.add({
		id: 'build.mdx',
		what: 'npm run build, against the same bare pages as MDX',
		size,
		samples: ours.map((b) => b.ms),
		baseline: { what: 'bare Starlight 0.42, the one-screen pages as .mdx', samples: theirsMdx.map((b) => b.ms) },
	});
}
