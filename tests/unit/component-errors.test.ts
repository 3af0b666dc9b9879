/**
 * What runs inside Astro at build time — a component's or page's frontmatter, `src/lib/site/`, the
 * page-data helper, the route middleware — fails with `AstroError(message, hint)`, so the author
 * sees the fix beside the error in the build's output and in `astro dev`'s overlay, never a bare
 * `Error` and a stack (docs/architecture.md, "Walls"). Client scripts (`<script>` in a component,
 * the custom elements) run in the reader's browser and are not judged here.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The code of a file that runs inside Astro: an `.astro` file's frontmatter, a module whole. */
export function astroSideCode(file: string, text: string): string {
	if (!file.endsWith('.astro')) return text;
	const fence = /^---\r?\n([\s\S]*?)\r?\n---/m.exec(text);
	return fence ? fence[1]! : '';
}

/** Each `throw new Error(` or `throw Error(` in that code, as `file:line`. */
export function bareErrors(file: string, text: string): string[] {
	const code = astroSideCode(file, text);
	const offset = file.endsWith('.astro') ? text.indexOf(code) : 0;
	return [...code.matchAll(/\bthrow\s+(?:new\s+)?(?:Type|Range)?Error\(/g)].map((match) => `${file}:${text.slice(0, offset + match.index).split('\n').length}`);
}

async function filesUnder(folder: string, ending: RegExp): Promise<string[]> {
	return (await readdir(path.join(root, folder), { recursive: true })).filter((file) => ending.test(file)).map((file) => `${folder}/${file.split(path.sep).join('/')}`);
}

test('components, pages and the code they call inside Astro throw AstroError with a hint', async () => {
	const files = [
		...(await filesUnder('src/components', /\.astro$/)),
		...(await filesUnder('src/pages', /\.astro$/)),
		...(await filesUnder('src/lib/site', /\.ts$/)),
		'src/lib/page-data.ts',
		'src/route-middleware.ts',
	];
	expect(files.length).toBeGreaterThan(40);
	const found = (await Promise.all(files.map(async (file) => bareErrors(file, await readFile(path.join(root, file), 'utf8'))))).flat();
	expect(found, 'throw new AstroError(message, hint) from astro/errors: the hint says what to do').toEqual([]);
});

test('the scan reads the frontmatter of a component and the whole of a module', () => {
	const component = ['---', "if (!x) throw new Error('no x');", '---', '<script>', "throw new Error('in the browser');", '</script>'].join('\n');
	expect(bareErrors('src/components/X.astro', component)).toEqual(['src/components/X.astro:2']);
	expect(bareErrors('src/lib/site/x.ts', "const a = 1;\nthrow new TypeError('x');\nthrow new AstroError('y', 'z');")).toEqual(['src/lib/site/x.ts:2']);
});
