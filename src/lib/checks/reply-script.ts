/**
 * Reply scripts are sent to users as they are: every `{{placeholder}}` used is declared and every
 * declared one is used in each variant, braces are balanced, the required locales are there, the
 * text fits its channel, and no banned phrase slips in.
 */
import type { DataOf } from '../../schemas/page.ts';
import type { Rules } from '../../schemas/rules.ts';
import { strayBrace, usedPlaceholders } from '../content/placeholders.ts';
import { salvagedWith, type Handbook, type Page, type Report } from './handbook.ts';
import { translationsToCheck } from './translations.ts';
import { duplicates, hint } from './suggest.ts';

export function checkReplyScripts(handbook: Handbook, report: Report): void {
	for (const page of [...handbook.pages, ...translationsToCheck(handbook), ...salvagedWith(handbook, ['placeholders', 'variants'])]) {
		if (page.data.kind === 'reply-script' && !page.data.archived_of) checkScript(page, page.data, handbook.rules?.data, report);
	}
}

function checkScript(page: Page, script: DataOf<'reply-script'>, rules: Rules | undefined, report: Report): void {
	const declared = script.placeholders.map((placeholder) => placeholder.name);
	for (const { index, first } of duplicates(script.placeholders, (placeholder) => placeholder.name)) {
		report.at(page, ['placeholders', index, 'name'], `placeholder "${declared[index]}" is declared twice (first at line ${page.source.locate(['placeholders', first, 'name']).line})`);
	}
	for (const { index } of duplicates(script.variants, (variant) => variant.locale)) {
		report.at(page, ['variants', index, 'locale'], `locale "${script.variants[index]!.locale}" has two variants; keep one`);
	}

	script.variants.forEach((variant, i) => {
		const at = ['variants', i, 'text'];
		const used = usedPlaceholders(variant.text);
		for (const name of used.filter((name) => !declared.includes(name))) {
			report.at(page, at, `${variant.locale}: uses {{${name}}}, which is not declared in placeholders${hint(name, declared)}`);
		}
		for (const name of declared.filter((name) => !used.includes(name))) {
			report.at(page, at, `${variant.locale}: does not use {{${name}}}; every variant uses every declared placeholder`);
		}
		const stray = strayBrace(variant.text);
		if (stray) report.at(page, at, `${variant.locale}: the brace at character ${stray.index + 1} ("${stray.context}") is not part of a placeholder; placeholders are written {{name}}, a snake_case name in double braces`);
		if (!rules) return;
		const length = [...variant.text].length;
		// A salvaged script whose channel failed its schema has no limit to hold it to.
		const limit = script.channel === undefined ? Infinity : rules.reply_scripts.max_length[script.channel];
		if (length > limit) report.at(page, at, `${variant.locale}: ${length} characters; a ${script.channel} reply has at most ${limit}`);
		const lower = variant.text.toLowerCase();
		for (const banned of rules.reply_scripts.banned_phrases) {
			if (lower.includes(banned.phrase.toLowerCase())) report.at(page, at, `${variant.locale}: contains "${banned.phrase}": ${banned.reason}`);
		}
	});

	if (rules && script.status === 'active') {
		const present = new Set(script.variants.map((variant) => variant.locale));
		const missing = rules.reply_scripts.required_locales.filter((locale) => !present.has(locale));
		if (missing.length > 0) {
			report.at(page, ['variants'], `missing locale${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (an active reply script needs ${rules.reply_scripts.required_locales.join(', ')})`);
		}
	}
}
