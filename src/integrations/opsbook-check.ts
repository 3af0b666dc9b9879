/**
 * Runs the validator inside Astro: `astro build` fails on exactly the errors `npm run check`
 * reports (Astro's `reference()` alone would let a missing label or team through), and
 * `astro dev` shows them as warnings while an author writes. The build starts the check on a
 * thread of its own as soon as its configuration is known, while content syncs and types are
 * generated, and waits for its answer before Vite starts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatDiagnostic } from '../lib/checks/diagnostic.ts';
import { checkHandbook, type CheckResult } from '../lib/checks/index.ts';
import { startCheck, type StartedCheck } from '../lib/checks/thread.ts';

/** Throws an error listing every problem when the handbook at `root` has any error. */
export async function assertHandbookValid(root: string, logger?: AstroIntegrationLogger): Promise<void> {
	assertValid(await checkHandbook(root), logger);
}

/** Logs the warnings of `result`, and throws an error listing every error when it has any. */
function assertValid(result: CheckResult, logger?: AstroIntegrationLogger): void {
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
	let started: StartedCheck | undefined;
	return {
		name: 'opsbook-check',
		hooks: {
			'astro:config:setup': (options) => {
				command = options.command;
			},
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				if (command === 'build') started ??= startCheck(root);
			},
			'astro:build:start': async ({ logger }) => {
				assertValid(await (started ?? startCheck(root)).result(), logger);
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
