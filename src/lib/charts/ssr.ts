/** Renders Plot specs to markup at build time, with one jsdom document for the whole build. */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { asAccessibleImage } from './accessible.ts';

let shared: Document | undefined;

export function renderPlot(spec: (document: Document) => Plot.PlotOptions): string {
	const document = (shared ??= new JSDOM('<!doctype html><html><body></body></html>').window.document);
	return asAccessibleImage(Plot.plot(spec(document))).outerHTML;
}
