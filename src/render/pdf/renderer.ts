import { htmlTemplates } from "../html/templates.js";
import type { Renderer } from "../renderer.js";

/**
 * The PDF, printed by Chromium from the HTML templates. Chromium is started
 * in `start`, so it comes up while Vega draws the charts; it is closed after
 * the print (printReport.ts), or by `stop` when the build fails first.
 */
export const pdfRenderer = {
  format: "pdf",
  describe: "PDF (skrevet ut av Chromium)",
  needs: "drawings",
  attachable: true,
  async start(job) {
    const print = await import("./printReport.js");
    const starting = (job.startBrowser ?? print.startBrowser)(job.log);
    return {
      async finish() {
        try {
          const model = job.drawn();
          const templates = await htmlTemplates(job);
          const guessFile = job.cachePath(`pages-${job.name}.json`);
          const printed = await job.stage("pdf", () =>
            print.printReport(model, (m, p) => templates.render(m, p), starting, { ...(guessFile ? { guessFile } : {}), log: job.log }),
          );
          return { files: [{ name: `${job.name}.pdf`, content: printed.pdf }], pages: printed.pages, printedFrom: printed.html };
        } finally {
          // Already closed after a print; closed here when the templates failed before it.
          await starting.close();
        }
      },
      stop: () => starting.close(),
    };
  },
} as const satisfies Renderer<"pdf">;
