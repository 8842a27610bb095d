import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "puppeteer-core";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import type { DocumentModel } from "../../src/types/model.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { printPdf, type PrintResult } from "../../src/render/pdf/printPdf.js";
import { REPO } from "../helpers/project.js";

/**
 * The pages of the contents come from a layout print, or from the last
 * build's pages as a guess; either way the printed numbers are the pages the
 * headings are on, and a wrong guess costs a print, never a wrong number.
 */
let browser: Browser;
let model: DocumentModel;
let render: (m: DocumentModel, p?: ReadonlyMap<string, number>) => string;
let cold: PrintResult;

beforeAll(async () => {
  const paths = projectPaths(REPO);
  model = (await buildModel(paths, 2025, { log: () => {}, now: () => 0 })).model;
  const templates = loadHtmlTemplates(paths.templateDir, paths.root);
  render = (m, p) => templates.render(m, p);
  browser = await launchBrowser();
  cold = await printPdf(browser, model, render);
});
afterAll(async () => {
  await browser?.close();
});

describe("printPdf: page numbers of the contents", () => {
  it("without a guess: one layout print and one real print, the headings on the pages the contents say", () => {
    expect(cold.prints).toBe(2);
    expect(cold.headingPages.size).toBe(model.toc.length);
    // Chapters start on a new page after the contents: no heading is on the cover or before it.
    expect(Math.min(...cold.headingPages.values())).toBeGreaterThan(1);
    for (const entry of model.toc) expect(cold.html).toContain(`href="#${entry.id}"`);
  });

  it("with the right guess: printed once, and the same HTML (the same numbers) as without", async () => {
    const again = await printPdf(browser, model, render, cold.headingPages);
    expect(again.prints).toBe(1);
    expect(again.html).toBe(cold.html);
    expect(again.headingPages).toEqual(cold.headingPages);
  });

  it("with a wrong guess: printed again with the real pages, and the same HTML as without", async () => {
    const wrong = new Map(model.toc.map((entry) => [entry.id, 1] as const));
    const again = await printPdf(browser, model, render, wrong);
    expect(again.prints).toBe(2);
    expect(again.html).toBe(cold.html);
    expect(again.headingPages).toEqual(cold.headingPages);
  });
});
