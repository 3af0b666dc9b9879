/**
 * Audiences: every `audience` names a declared audience (or `vendors`), every row filter a
 * declared dataset and column, and every metric a review shows can be shown to whoever may read
 * the review. With `--audience <id>`, also the links that audience's site shows as plain text
 * marked "(internal)" because they point at pages it may not read: warnings, to review on purpose.
 */
import { everyVendor, type Audience } from '../../schemas/audience.ts';
import { isDocument } from '../../schemas/page.ts';
import { parseSnapshotRef } from '../../schemas/snapshot-ref.ts';
import { sitePathOf } from '../audience/links.ts';
import { paths } from '../content/paths.ts';
import type { AudiencePlan } from '../audience/plan.ts';
import { visibleTo } from '../audience/visibility.ts';
import type { Handbook, Located, Page, Report } from './handbook.ts';
import { hint } from './suggest.ts';

export function checkAudiences(handbook: Handbook, report: Report): void {
	const file = handbook.audiences?.file ?? paths.audiences;
	// An audiences file that failed its schema is reported at its own lines; judged against no
	// audiences, every page that names one would look wrong too.
	if (handbook.failed.has(file)) return;
	const declared = handbook.audiences?.data ?? [];
	const known = new Set([...declared.map((entry) => entry.id), everyVendor]);
	const names = (located: Located<unknown>, path: PropertyKey[], audience: readonly string[] | undefined) =>
		audience?.forEach((id, i) => {
			if (!known.has(id)) report.at(located, [...path, i], `no audience "${id}" in ${file}${hint(id, known)}`);
		});

	for (const page of [...handbook.pages, ...handbook.translations]) {
		names(page, ['audience'], page.data.audience);
		if (page.data.kind === 'labeling-spec') page.data.edge_cases.forEach((edgeCase, i) => names(page, ['edge_cases', i, 'audience'], edgeCase.audience));
	}
	if (handbook.glossary) handbook.glossary.data.forEach((term, i) => names(handbook.glossary!, [i, 'audience'], term.audience));
	if (handbook.metrics) handbook.metrics.data.forEach((metric, i) => names(handbook.metrics!, [i, 'audience'], metric.audience));

	if (handbook.audiences) {
		const datasets = new Map(handbook.datasets.map((entry) => [entry.data.id, entry.data]));
		handbook.audiences.data.forEach((audience, a) => {
			for (const [id, filter] of Object.entries(audience.rows)) {
				const dataset = datasets.get(id);
				if (!dataset) {
					report.at(handbook.audiences!, [a, 'rows', id], `no dataset "${id}" in src/content/datasets/${hint(id, datasets.keys())}`);
					continue;
				}
				const columns = new Set(dataset.columns.map((column) => column.name));
				for (const column of Object.keys(filter)) {
					if (!columns.has(column)) report.at(handbook.audiences!, [a, 'rows', id, column], `dataset "${id}" has no column "${column}"${hint(column, columns)}`);
				}
			}
		});
	}

	// A vendor reads a dataset through its own rows, unless the dataset allows every vendor all of it.
	const datasetsById = new Map(handbook.datasets.map((entry) => [entry.data.id, entry.data]));
	const unfiltered = (reader: Audience, id: string) => reader.kind === 'vendor' && !reader.rows[id] && datasetsById.get(id)?.vendor_aggregates === false;
	const rowsMessage = (reader: Audience, id: string, what: string) =>
		`${what} for audience "${reader.id}", but that vendor has no row filter for dataset "${id}", which does not allow vendors its numbers over every vendor; ` +
		`add rows: { ${id}: { … } } to "${reader.id}" in ${file}, or vendor_aggregates: true to src/content/datasets/${id}.yaml`;
	for (const page of handbook.pages) {
		if (page.data.kind !== 'metric-review' || page.data.archived_of) continue;
		const { dataset: id } = parseSnapshotRef(page.data.snapshot);
		for (const reader of declared) if (visibleTo(page.data.audience, reader) && unfiltered(reader, id)) report.at(page, ['snapshot'], rowsMessage(reader, id, 'the review is'));
	}
	if (handbook.metrics) {
		handbook.metrics.data.forEach((metric, i) => {
			for (const reader of declared) if (visibleTo(metric.audience, reader) && unfiltered(reader, metric.dataset)) report.at(handbook.metrics!, [i, 'audience'], rowsMessage(reader, metric.dataset, 'the metric is'));
		});
	}

	// A review shows its metrics' definitions and numbers: whoever may read it must be allowed them.
	const metrics = new Map((handbook.metrics?.data ?? []).map((metric) => [metric.id, metric]));
	for (const page of handbook.pages) {
		if (page.data.kind !== 'metric-review' || page.data.archived_of) continue;
		for (const reader of declared) {
			if (!visibleTo(page.data.audience, reader)) continue;
			page.data.metrics.forEach((id, i) => {
				const metric = metrics.get(id);
				if (metric && !visibleTo(metric.audience, reader)) {
					report.at(page, ['metrics', i], `metric "${id}" is not for audience "${reader.id}", who may read this review; add "${reader.kind === 'vendor' ? everyVendor : reader.id}" to its audience in src/content/metrics.yaml, or take the review from that audience`);
				}
			});
		}
	}
}

/** Markdown links `[words](/path/)` and HTML `href="/path/"` in a page body, with their lines. */
function bodyLinks(page: Page): { href: string; line: number; column: number }[] {
	const links: { href: string; line: number; column: number }[] = [];
	page.body.split('\n').forEach((text, i) => {
		for (const match of text.matchAll(/\]\((\/[^)\s]*)\)|\shref="(\/[^"]*)"/g)) {
			links.push({ href: (match[1] ?? match[2])!, line: page.bodyLine + i, column: match.index + 1 });
		}
	});
	return links;
}

/** The links a site for `plan.reader` shows as "(internal)": warnings at each link. */
export function checkAudienceLinks(handbook: Handbook, plan: AudiencePlan, report: Report): void {
	const reader: Audience = plan.reader;
	const why = (target: string) => `links to ${target}, which audience "${reader.id}" may not read: its site shows the link as plain text marked (internal)`;
	for (const page of [...handbook.pages, ...handbook.translations]) {
		if (plan.hiddenFiles.has(page.file)) continue;
		for (const link of bodyLinks(page)) {
			const path = sitePathOf(link.href);
			if (path && plan.hiddenPaths.has(path)) report.add(page.file, link.line, link.column, '', why(link.href), 'warning');
		}
		const data = page.data;
		if (!isDocument(data)) continue;
		const refer = (path: PropertyKey[], id: string | undefined) => {
			if (id && plan.hiddenIds.has(id)) report.at(page, path, why(`page "${id}"`), 'warning');
		};
		if (data.kind === 'labeling-spec') refer(['escalates_to'], data.escalates_to);
		if (data.kind === 'sop') data.related.forEach((id, i) => refer(['related', i], id));
		if (data.kind === 'onboarding-path') {
			data.days.forEach((day, d) => day.items.forEach((item, i) => refer(['days', d, 'items', i, item.page ? 'page' : 'quiz'], item.page ?? item.quiz)));
		}
	}
}
