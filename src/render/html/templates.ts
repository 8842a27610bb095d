import type { RenderJob } from "../renderer.js";
import type { HtmlTemplates } from "./renderHtml.js";

/**
 * The HTML templates of the build's style, compiled once however many
 * formats read them (the PDF prints their HTML, the HTML file is it).
 * Loaded when first asked for: a Word-only build never compiles them.
 */
export function htmlTemplates(job: RenderJob): Promise<HtmlTemplates> {
  return job.once("templates", async () => {
    const { loadHtmlTemplates } = await import("./renderHtml.js");
    return job.stage("maler", () => loadHtmlTemplates(job.templateDir, job.root, job.figures.style));
  });
}
