import type { Renderer } from "../renderer.js";
import { htmlTemplates } from "./templates.js";

/**
 * The HTML the PDF is printed from, contents page numbers and all; without
 * a PDF in the same build, the same HTML without page numbers.
 */
export const htmlRenderer = {
  format: "html",
  describe: "HTML-en PDF-en er skrevet ut fra",
  needs: "drawings",
  attachable: false,
  start: async (job) => ({
    async finish() {
      const pdf = job.output("pdf");
      const printed = pdf === undefined ? undefined : (await pdf).printedFrom;
      const html = printed ?? (await htmlTemplates(job)).render(job.drawn());
      return { files: [{ name: `${job.name}.html`, content: html }] };
    },
    stop: async () => {},
  }),
} as const satisfies Renderer<"html">;
