import type { Browser } from "puppeteer-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentModel } from "../../model/types.js";
import { offlinePage } from "./browser.js";
import { finishPdf, pdfFacts } from "./finishPdf.js";

export interface PrintResult {
  readonly pdf: Uint8Array;
  readonly html: string;
  readonly pages: number;
}

/**
 * HTML → PDF. Chromium cannot number a table of contents by itself, so we
 * print twice: the first print tells on which page each heading landed (read
 * back from the PDF's named destinations), the second prints the contents
 * with those numbers. The TOC has the same lines both times, so nothing moves;
 * we check that and print once more if it ever did.
 */
export async function printPdf(
  browser: Browser,
  model: DocumentModel,
  renderHtml: (model: DocumentModel, pages?: ReadonlyMap<string, number>) => string,
): Promise<PrintResult> {
  let pages = new Map<string, number>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const html = renderHtml(model, pages);
    const pdf = await printHtml(browser, html);
    const found = await headingPages(pdf, model.toc.map((entry) => entry.id));
    if (attempt > 0 && sameMap(found.pages, pages)) return { pdf: await finish(pdf, model), html, pages: found.total };
    pages = found.pages;
  }
  const html = renderHtml(model, pages);
  const pdf = await printHtml(browser, html);
  return { pdf: await finish(pdf, model), html, pages: (await headingPages(pdf, [])).total };
}

/** The heading of the table of contents, as templates/partials/toc.hbs prints it. */
const TOC_HEADING = "Innhold";

/** PDF/UA-1 finishing (finishPdf.ts), after the page numbers are settled. */
function finish(pdf: Uint8Array, model: DocumentModel): Promise<Uint8Array> {
  return finishPdf(pdf, pdfFacts(model, { cover: model.title, toc: TOC_HEADING }));
}

async function printHtml(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await offlinePage(browser);
  try {
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: false,
    });
  } finally {
    await page.close();
  }
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
