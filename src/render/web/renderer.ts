import { msg } from "../../messages/catalogue.js";
import type { Renderer } from "../renderer.js";
import type { SiteDocument } from "./site.js";
import { formatFileSize } from "../../format/norwegian.js";

/** The report files the site carries and links to, when the same build makes them. */
const DOCUMENTS = [
  { format: "pdf", label: "PDF" },
  { format: "docx", label: "Word" },
] as const;

/**
 * The web edition: output/<year>/web/, a static site of the same model as
 * the PDF and Word (src/render/web/site.ts). It reuses the drawn charts and
 * prints nothing; it waits for the PDF and Word of the build only at the end,
 * to carry them and say their sizes.
 */
export const webRenderer = {
  format: "web",
  describe: "nettutgaven: én side per kapittel og tallene til nedlasting",
  target: "output/<år>/web/",
  needs: "drawings",
  attachable: false,
  start: async (job) => ({
    async finish() {
      const { loadWebTemplates } = await import("./templates.js");
      const { prepareSite, byteLength } = await import("./site.js");
      // Timed apart from the wait for the PDF and Word: "nett" is the web edition's own work.
      const prepared = await job.stage("nett", () => prepareSite(job.drawn(), job.name, loadWebTemplates(job.templateDir, job.root)));
      const documents: SiteDocument[] = [];
      for (const { format, label } of DOCUMENTS) {
        const main = (await job.output(format))?.files[0];
        if (main) documents.push({ label, name: main.name, content: main.content });
      }
      const files = await job.stage("nettsider", () => prepared.pages(documents));
      const pages = files.filter((file) => file.name.endsWith(".html"));
      const largest = Math.max(...pages.map((file) => byteLength(file.content)));
      job.log(msg.web.built(pages.length, files.filter((file) => file.name.startsWith("data/")).length, formatFileSize(largest)).text);
      // index.html first: the format's main file, the one the build names when it is done.
      return { files: files.sort((a, b) => Number(b.name === "index.html") - Number(a.name === "index.html")).map((file) => ({ name: `web/${file.name}`, content: file.content })) };
    },
    stop: async () => {},
  }),
} as const satisfies Renderer<"web">;
