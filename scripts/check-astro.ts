/**
 * npm run typecheck (its second half) [-- --root DIR]
 *
 * Type-checks every `.astro` component and page: frontmatter, props passed to other components,
 * expressions in the template and processed `<script>`s. Prints each problem with its code frame
 * and exits 1 when there is any error or warning.
 *
 * Why not `astro check`: it wraps `@astrojs/language-server`, which drives TypeScript through its
 * programmatic API (a language service), and TypeScript 7 — the project's `tsc` — ships no such
 * API yet, so `astro check` refuses to run beside it. This loads the same checker with TypeScript 6,
 * installed under the alias `typescript-6`, and sends every `import 'typescript'` of the checker
 * there. `tsc` (TypeScript 7) stays the checker of the `.ts` files; this one reports only on
 * `.astro` files, so a file is never judged by two compilers.
 */
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: node scripts/check-astro.ts [--root DIR]';
let root: string;
try {
	const { values } = parseArgs({ options: { root: { type: 'string', default: path.resolve(import.meta.dirname, '..') } } });
	root = path.resolve(values.root);
} catch (error) {
	console.error(`check-astro: ${(error as Error).message}\n${usage}`);
	process.exit(2);
}

// The language server and Volar each `require('typescript')`; all of them must get the same 6.x.
registerHooks({
	resolve(specifier, context, next) {
		const redirected = specifier === 'typescript' || specifier.startsWith('typescript/') ? specifier.replace('typescript', 'typescript-6') : specifier;
		return next(redirected, context);
	},
});

const require = createRequire(path.join(root, 'package.json'));
const { AstroCheck } = (await import('@astrojs/language-server')) as typeof import('@astrojs/language-server');
const typescript = require('typescript-6') as { version: string };
const checker = new AstroCheck(root, require.resolve('typescript-6'), undefined);
const files = checker.linter.getRootFileNames().filter((file) => file.endsWith('.astro'));
const result = await checker.lint({ fileNames: files, logErrors: { level: 'hint' } });

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
console.log(`check-astro: ${count(result.fileChecked, '.astro file')}, ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}, ${count(result.hints, 'hint')} (TypeScript ${typescript.version})`);
process.exit(result.errors + result.warnings > 0 ? 1 : 0);
