/**
 * The whole validator: schemas first, then every check that needs more than one value or file.
 * Used by `npm run check`, by the build (through the opsbook integration) and by the tests.
 */
import { checkDatasets } from './datasets.ts';
import { checkDates } from './dates.ts';
import type { Diagnostic } from './diagnostic.ts';
import { checkFlows } from './flow-graph.ts';
import { loadHandbook, Report } from './handbook.ts';
import { checkLabelingSpecs } from './labeling-spec.ts';
import { checkMetrics } from './metrics.ts';
import { checkReferences } from './references.ts';
import { checkReplyScripts } from './reply-script.ts';
import { checkTranslations } from './translations.ts';
import { checkUiStrings } from './ui-strings.ts';
import { basePages, checkVersions } from './versions.ts';
import { resolveBase } from '../versions/git.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { codeowners, codeownersFile } from '../versions/codeowners.ts';
import path from 'node:path';

export interface CheckOptions {
	/** Warnings (stale pages) become errors. */
	strict?: boolean;
	/** The day to judge staleness against, `YYYY-MM-DD`; defaults to today (UTC). */
	today?: string;
	/**
	 * The git revision to compare with for the version rules; `undefined` tries `origin/main`,
	 * `false` skips them.
	 */
	base?: string | false;
}

export interface CheckResult {
	files: number;
	diagnostics: Diagnostic[];
	errors: number;
	warnings: number;
	/** The revision the version rules compared with, or none when they were skipped. */
	base?: string;
}

export async function checkHandbook(root: string, options: CheckOptions = {}): Promise<CheckResult> {
	const report = new Report();
	const { handbook, files } = await loadHandbook(root, report);
	checkReferences(handbook, report);
	checkLabelingSpecs(handbook, report);
	checkFlows(handbook, report);
	checkReplyScripts(handbook, report);
	checkMetrics(handbook, report);
	checkDatasets(handbook, report);
	checkTranslations(handbook, report);
	checkUiStrings(handbook, report);
	checkDates(handbook, report, { strict: options.strict ?? false, today: options.today ?? new Date().toISOString().slice(0, 10) });
	const base = options.base === false ? undefined : await resolveBase(root, options.base).catch((error: Error) => {
		report.add('.', 1, 1, '', error.message);
		return undefined;
	});
	if (base) {
		const pages = await basePages(root, base);
		const texts = new Map<string, string>();
		for (const page of pages) {
			const text = await readFile(path.join(root, page.file), 'utf8').catch(() => undefined);
			if (text !== undefined) texts.set(page.file, text);
		}
		checkVersions(handbook, report, { ref: base, pages, texts });
	}
	// The committed CODEOWNERS must say what the pages say, wherever the project keeps a .github folder.
	if (existsSync(path.join(root, '.github'))) {
		const committed = await readFile(path.join(root, codeownersFile), 'utf8').catch(() => undefined);
		if (committed !== codeowners(handbook)) {
			report.add(codeownersFile, 1, 1, '', `${committed === undefined ? 'is missing' : 'is out of date with the pages\' owners'}; run npm run codeowners and commit the result`);
		}
	}
	const diagnostics = report.diagnostics.sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
	);
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	return { files, diagnostics, errors, warnings: diagnostics.length - errors, base };
}
