import type { Browser, Page, PDFOptions } from "puppeteer-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentModel } from "../../types/model.js";
import { offlinePage } from "./browser.js";
import { finishPdf, pdfFacts } from "./finishPdf.js";
import { layoutModel, paintOnlyHeadings } from "./layoutModel.js";

export interface PrintResult {
  /** As Chromium printed it: finishReportPdf makes it PDF/UA. */
  readonly pdf: Uint8Array;
  readonly html: string;
  readonly pages: number;
  /** The page of every heading of the contents, as printed. */
  readonly headingPages: ReadonlyMap<string, number>;
  /** How many times the document was printed, the layout print included. */
  readonly prints: number;
}

/**
 * HTML → PDF. Chromium cannot number a table of contents by itself, so the
 * page of every heading is found first, by a cheap layout print: no tags, no
 * outline, every chart an empty box of its own width and height, and nothing
 * but the headings painted (same boxes, same fonts, same page breaks). The document is then printed once
 * properly with those numbers in its contents. The TOC has the same lines
 * both times, so nothing moves; we read the pages back from the real print
 * and print once more if they ever differ. A guess (the pages of the last
 * build, pageGuess.ts) replaces the layout print; a wrong guess costs one
 * print more and never a wrong number.
 */
export async function printPdf(
  browser: Browser,
  model: DocumentModel,
  renderHtml: (model: DocumentModel, pages?: ReadonlyMap<string, number>) => string,
  guess?: ReadonlyMap<string, number>,
): Promise<PrintResult> {
  const ids = model.toc.map((entry) => entry.id);
  const page = await offlinePage(browser);
  try {
    let prints = 0;
    let pages = guess;
    if (!pages) {
      const layout = await printHtml(page, paintOnlyHeadings(renderHtml(layoutModel(model), new Map())), LAYOUT);
      prints++;
      pages = (await headingPages(layout, ids)).pages;
    }
    for (let attempt = 0; ; attempt++) {
      const html = renderHtml(model, pages);
      const pdf = await printHtml(page, html, FINAL);
      prints++;
      const found = await headingPages(pdf, ids);
      if (sameMap(found.pages, pages) || attempt === 2) return { pdf, html, pages: found.total, headingPages: found.pages, prints };
      pages = found.pages;
    }
  } finally {
    await page.close();
  }
}

/** The heading of the table of contents, as templates/partials/toc.hbs prints it. */
const TOC_HEADING = "Innhold";

const COMMON: PDFOptions = { format: "A4", preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false };
/** Only where the headings land: named destinations are written without tags or outline. */
const LAYOUT: PDFOptions = { ...COMMON, tagged: false, outline: false };
const FINAL: PDFOptions = { ...COMMON, tagged: true, outline: true };

/**
 * PDF/UA-1 finishing (finishPdf.ts), after the page numbers are settled.
 * Done after Chromium has closed, so the two never hold their memory at once.
 */
export function finishReportPdf(pdf: Uint8Array, model: DocumentModel): Promise<Uint8Array> {
  return finishPdf(pdf, pdfFacts(model, { cover: model.title, toc: TOC_HEADING }));
}

/** One page serves every print: the next `setContent` replaces the document. */
async function printHtml(page: Page, html: string, options: PDFOptions): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return await page.pdf(options);
}

async function headingPages(pdf: Uint8Array, ids: readonly string[]): Promise<{ pages: Map<string, number>; total: number }> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages = new Map<string, number>();
    for (const id of ids) {
      const destination = await doc.getDestination(id);
      const ref = destination?.[0];
      if (ref && typeof ref === "object") pages.set(id, (await doc.getPageIndex(ref as never)) + 1);
    }
    return { pages, total: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
