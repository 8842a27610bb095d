import type { Browser } from "puppeteer-core";
import { msg } from "../../messages/catalogue.js";
import type { DocumentModel } from "../../types/model.js";
import type { BrowserChoice } from "./findBrowser.js";
import { chromiumStopped, launchBrowser } from "./browser.js";
import { readPageGuess, writePageGuess } from "./pageGuess.js";
import { finishReportPdf, printPdf, type PrintResult } from "./printPdf.js";

export interface PrintReportOptions {
  /** output/.cache/pages-<name>.json: the last build's heading pages, a guess checked against the print; none: no guess. */
  readonly guessFile?: string;
  readonly log: (line: string) => void;
}

/**
 * The run's Chromium, started before it is needed: it starts while Vega
 * draws the charts, so the print does not wait for it. `close` is safe to
 * call when it failed to start or was closed already.
 */
export interface StartingBrowser {
  readonly browser: Promise<Browser>;
  close(): Promise<void>;
}

export function startBrowser(log: (line: string) => void): StartingBrowser {
  // Which Chromium prints, and found how (README: "Hvilken Chromium?").
  const browser = launchBrowser((choice: BrowserChoice) => log(msg.build.chromium(choice.executablePath, choice.how).text));
  // Awaited by the print; a failure before it must not be left unhandled meanwhile.
  browser.catch(() => undefined);
  return {
    browser,
    close: async () => {
      const started = await browser.catch(() => undefined);
      if (started?.connected) await started.close();
    },
  };
}

/**
 * The PDF stage: the run's Chromium, closed before the finishing pass; the
 * pages of the contents guessed from the last build when it left them, and
 * kept for the next one.
 */
export async function printReport(
  model: DocumentModel,
  renderHtml: (model: DocumentModel, pages?: ReadonlyMap<string, number>) => string,
  starting: StartingBrowser,
  options: PrintReportOptions,
): Promise<PrintResult> {
  let printed: PrintResult;
  let browser: Browser | undefined;
  try {
    browser = await starting.browser;
    const guess = options.guessFile === undefined ? undefined : readPageGuess(options.guessFile, model.toc.map((entry) => entry.id));
    printed = await printPdf(browser, model, renderHtml, guess);
    if (options.guessFile !== undefined) writePageGuess(options.guessFile, printed.headingPages);
    options.log(msg.build.prints(printed.prints, guess !== undefined && printed.prints === 1).text);
  } catch (error) {
    throw (await chromiumStopped(browser, error)) ?? error;
  } finally {
    // Before the finishing pass, so Chromium and pdf-lib never hold their memory at once.
    await starting.close();
  }
  return { ...printed, pdf: await finishReportPdf(printed.pdf, model) };
}
