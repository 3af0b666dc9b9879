/**
 * What "the page fits the reader's screen" means, measured in the page: no sideways scroll of the
 * document, no table wider than its box unless that box scrolls and shows that it does, and no
 * chart text smaller than 11 px as drawn on screen. Used by the width test and by anyone
 * auditing a page (`measureFit(page)` returns one line per problem).
 */
import type { Page } from 'playwright-core';

/** The smallest chart text a reader must be able to read, in CSS pixels on screen. */
export const minChartText = 11;

export async function measureFit(page: Page): Promise<string[]> {
	return page.evaluate((minText) => {
		const problems: string[] = [];
		const describe = (element: Element) => {
			const id = element.id ? `#${element.id}` : '';
			const classes = [...element.classList].slice(0, 2).map((name) => `.${name}`).join('');
			const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			return `<${element.localName}${id}${classes}> "${text}"`;
		};
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth + 1) {
			// Name what sticks out, so the failure says where to look.
			const culprits = [...document.querySelectorAll('body *')]
				.filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
				.filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
				.slice(0, 3)
				.map(describe);
			problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window (${culprits.join('; ')})`);
		}

		const scrolls = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
		for (const table of document.querySelectorAll('main table')) {
			if (!(table as HTMLElement).offsetParent) continue;
			// The box the table lives in: itself when it scrolls (Starlight's content tables do), else
			// the nearest ancestor that scrolls or clips.
			let box: Element | null = table;
			while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
			// A table that is its own scroll box (Starlight's are) holds its content in its scroll width.
			const content = box === table ? table.scrollWidth : table.getBoundingClientRect().width;
			if (!box || box === document.body) {
				const column = table.closest('.sl-markdown-content, main')!.getBoundingClientRect();
				if (table.getBoundingClientRect().right > column.right + 1) problems.push(`table ${describe(table)} runs past its column and nothing scrolls it`);
				continue;
			}
			if (content <= box.clientWidth + 1) continue;
			if (!scrolls(box)) problems.push(`table ${describe(table)} is ${content} px wide in a ${box.clientWidth} px box that clips it`);
			else if (!getComputedStyle(box).backgroundImage.includes('gradient')) problems.push(`table ${describe(table)} scrolls inside its ${box.clientWidth} px box with no visible cue (edge shadows)`);
		}

		for (const svg of document.querySelectorAll<SVGSVGElement>('main svg')) {
			if (svg.getBoundingClientRect().width === 0) continue;
			const scale = svg.getScreenCTM()?.a ?? 1;
			for (const text of svg.querySelectorAll('text')) {
				if (!text.textContent?.trim() || text.getBoundingClientRect().width === 0) continue;
				const size = parseFloat(getComputedStyle(text).fontSize) * scale;
				if (size < minText - 0.05) {
					problems.push(`chart text "${text.textContent.trim().slice(0, 30)}" is ${size.toFixed(1)} px on screen (at least ${minText} px) in ${describe(svg.closest('figure, section, div') ?? svg)}`);
					break;
				}
			}
		}
		return problems;
	}, minChartText);
}
