import type { DocumentModel } from "../../model/types.js";
import type { BrowserChoice } from "./findBrowser.js";
import { launchBrowser } from "./browser.js";
import { readPageGuess, writePageGuess } from "./pageGuess.js";
import { finishReportPdf, printPdf, type PrintResult } from "./printPdf.js";

export interface PrintReportOptions {
  /** output/.cache/pages-<year>.json: the last build's heading pages, a guess checked against the print. */
  readonly guessFile: string;
  readonly log: (line: string) => void;
}

/**
 * The PDF stage: one Chromium for the run, closed in `finally` and before
 * the finishing pass; the pages of the contents guessed from the last build
 * when it left them, and kept for the next one.
 */
export async function printReport(
  model: DocumentModel,
  renderHtml: (model: DocumentModel, pages?: ReadonlyMap<string, number>) => string,
  options: PrintReportOptions,
): Promise<PrintResult> {
  // Which Chromium prints, and found how (README: "Hvilken Chromium?").
  const browser = await launchBrowser((choice: BrowserChoice) => options.log(`  chromium   ${choice.executablePath} (${choice.how})`));
  let printed: PrintResult;
  try {
    const guess = readPageGuess(options.guessFile, model.toc.map((entry) => entry.id));
    printed = await printPdf(browser, model, renderHtml, guess);
    writePageGuess(options.guessFile, printed.headingPages);
    options.log(`  prints     ${printed.prints} (pages of the contents ${guess && printed.prints === 1 ? "as in the last build" : "found by printing"})`);
  } finally {
    await browser.close();
  }
  return { ...printed, pdf: await finishReportPdf(printed.pdf, model) };
}
