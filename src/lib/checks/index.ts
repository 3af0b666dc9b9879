/**
 * The whole validator: schemas first, then every check that needs more than one value or file.
 * Used by `npm run check`, by the build (through the opsbook integration), by the review report
 * and by the tests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { basePages, type BasePage } from '../versions/base.ts';
import { resolveBase } from '../versions/git.ts';
import { checkCodeowners } from './codeowners.ts';
import { checkAudienceLinks, checkAudiences } from './audiences.ts';
import { checkChangelogs } from './changelog.ts';
import { checkDatasets } from './datasets.ts';
import { checkDates } from './dates.ts';
import type { Diagnostic } from './diagnostic.ts';
import { checkFlows } from './flow-graph.ts';
import { loadHandbook, Report, type LoadedHandbook } from './handbook.ts';
import { audiencePlan } from '../audience/plan.ts';
import { checkLabelingSpecs } from './labeling-spec.ts';
import { checkMetrics } from './metrics.ts';
import { checkOnboardingPaths } from './onboarding-path.ts';
import { checkRedirects } from './redirects.ts';
import { checkReferences } from './references.ts';
import { checkReplyScripts } from './reply-script.ts';
import { checkReviews } from './reviews.ts';
import { checkSnapshots } from './snapshots.ts';
import { checkTranslations } from './translations.ts';
import { checkUiStrings } from './ui-strings.ts';
import { checkVersions } from './versions.ts';
import { today } from '../stale.ts';

export interface CheckOptions {
	/** Warnings (stale pages) become errors. */
	strict?: boolean;
	/** The day to judge staleness against, `YYYY-MM-DD`; defaults to `OPSBOOK_TODAY`, else today (UTC). */
	today?: string;
	/**
	 * The git revision to compare with for the version rules; `undefined` tries `origin/main`,
	 * `false` skips them.
	 */
	base?: string | false;
	/** The pages at `base`, when the caller has read them already. */
	basePages?: BasePage[];
	/** Also list, as warnings, the links the site of this audience shows as "(internal)". */
	audience?: string;
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
	return checkLoaded(root, await loadHandbook(root, report), report, options);
}

/** The checks on a handbook already loaded into `report` (which holds its load errors). */
export async function checkLoaded(root: string, { handbook, files }: LoadedHandbook, report: Report, options: CheckOptions = {}): Promise<CheckResult> {
	checkReferences(handbook, report);
	checkLabelingSpecs(handbook, report);
	checkFlows(handbook, report);
	checkOnboardingPaths(handbook, report);
	checkReplyScripts(handbook, report);
	checkMetrics(handbook, report);
	checkReviews(handbook, report);
	checkDatasets(handbook, report);
	checkTranslations(handbook, report);
	checkUiStrings(handbook, report);
	checkAudiences(handbook, report);
	checkRedirects(handbook, report);
	if (options.audience !== undefined) {
		const plan = await audiencePlan(root, options.audience).catch((error: Error) => {
			report.add('src/content/audiences.yaml', 1, 1, '', error.message);
			return undefined;
		});
		if (plan) checkAudienceLinks(handbook, plan, report);
	}
	checkChangelogs(handbook, report);
	checkDates(handbook, report, { strict: options.strict ?? false, today: options.today ?? today() });
	const base = options.base === false ? undefined : await resolveBase(root, options.base).catch((error: Error) => {
		report.add('.', 1, 1, '', error.message);
		return undefined;
	});
	await checkSnapshots(root, handbook, report, base);
	if (base) {
		const pages = options.basePages ?? (await basePages(root, base));
		const texts = new Map<string, string>();
		for (const page of pages) {
			const text = await readFile(path.join(root, page.file), 'utf8').catch(() => undefined);
			if (text !== undefined) texts.set(page.file, text);
		}
		checkVersions(handbook, report, { ref: base, pages, texts });
	}
	await checkCodeowners(root, handbook, report);
	const diagnostics = report.diagnostics.sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
	);
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	return { files, diagnostics, errors, warnings: diagnostics.length - errors, base };
}
