import type { Renderer } from "../renderer.js";

/**
 * Word, from the same model. It draws its charts from their data, so its
 * worker thread starts in `start`, before the charts are drawn, and works
 * while Vega draws and Chromium prints. The chapters' layouts for the
 * contents' page numbers are kept in the build cache (word-pages/).
 */
export const docxRenderer = {
  format: "docx",
  describe: "Word, fra samme dokumentmodell",
  needs: "figures",
  attachable: true,
  async start(job) {
    const { renderDocxInWorker } = await import("./renderInWorker.js");
    const stopWord = new AbortController();
    const layoutCache = job.cachePath("word-pages");
    const docx = job.stage("word", () => renderDocxInWorker(job.figures, stopWord.signal, layoutCache ? { layoutCache } : {}));
    // Awaited by finish; a failure elsewhere first must not leave it unhandled meanwhile.
    docx.catch(() => undefined);
    return {
      finish: async () => ({ files: [{ name: `${job.name}.docx`, content: await docx }] }),
      async stop(reason) {
        stopWord.abort(reason);
        await docx.catch(() => undefined);
      },
    };
  },
} as const satisfies Renderer<"docx">;
