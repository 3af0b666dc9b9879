/**
 * Runs the validator inside Astro: `astro build` fails on exactly the errors `npm run check`
 * reports (Astro's `reference()` alone would let a missing label or team through), and
 * `astro dev` shows them as warnings while an author writes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatDiagnostic } from '../lib/checks/diagnostic.ts';
import { checkHandbook } from '../lib/checks/index.ts';

/** Throws an error listing every problem when the handbook at `root` has any error. */
export async function assertHandbookValid(root: string, logger?: AstroIntegrationLogger): Promise<void> {
	const result = await checkHandbook(root);
	for (const warning of result.diagnostics.filter((d) => d.severity === 'warning')) logger?.warn(formatDiagnostic(warning));
	if (result.errors === 0) return;
	const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
	throw new AstroError(
		`The handbook has ${result.errors} error${result.errors === 1 ? '' : 's'}:\n${lines.join('\n')}`,
		'Fix each one at its file and line; `npm run check` lists the same errors faster.',
	);
}

export default function opsbookCheck(): AstroIntegration {
	let root = process.cwd();
	let command = 'build';
	return {
		name: 'opsbook-check',
		hooks: {
			'astro:config:setup': (options) => {
				command = options.command;
			},
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:start': async ({ logger }) => {
				await assertHandbookValid(root, logger);
				logger.info('handbook checked: no errors');
			},
			'astro:server:setup': async ({ logger }) => {
				// The build starts a server of its own too; the dev server is where authors want this.
				if (command !== 'dev') return;
				await assertHandbookValid(root, logger).catch((error: Error) => logger.warn(error.message));
			},
		},
	};
}
