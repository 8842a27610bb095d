import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { CHAPTER, hostileTitles, TITLE } from "../helpers/hostile.js";
import { scratchProject } from "../helpers/project.js";

/**
 * The HTML edition as a reader opens it: a file in Chromium with JavaScript
 * on. A title in report.yaml with markup in it, or a template with a script,
 * runs nothing: titles are escaped for the <style> they are written into, and
 * the page's Content-Security-Policy allows no script at all.
 */
let browser: Browser;
const roots: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The project's HTML edition, written to a file in it and opened from there with JavaScript on. */
async function openEdition(root: string): Promise<{ page: Page; violations: string[] }> {
  const { model } = await buildModel(projectPaths(root), 2025, { log: () => {}, now: () => 0 }, undefined);
  const file = join(root, "rapport.html");
  writeFileSync(file, loadHtmlTemplates(join(root, "templates"), root, model.style).render(model));
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  // Give an onerror of an image that failed, or a late script, time to run.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return { page, violations };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { pwned?: string }).pwned);

describe("the HTML edition opened with JavaScript on", () => {
  it("runs nothing from a title in report.yaml, and shows the titles as written", async () => {
    const root = scratchProject();
    roots.push(root);
    hostileTitles(root);
    const { page } = await openEdition(root);
    try {
      expect(await pwned(page)).toBeUndefined();
      expect(await page.$$("body script, body img:not([src^='data:'])")).toHaveLength(0);
      expect(await page.title()).toBe(TITLE);
      expect(await page.$eval(".cover-title", (h) => h.textContent)).toBe(TITLE);
      expect(await page.$eval("#kapittel-grunnskole", (h) => h.textContent)).toBe(CHAPTER);
      // The stylesheet is whole: the cover still has its colours (the sheet did not end at the title).
      expect(await page.$eval(".cover", (c) => getComputedStyle(c).backgroundColor)).toBe("rgb(10, 77, 140)");
    } finally {
      await page.close();
    }
  });

  it("runs no script a template holds: the Content-Security-Policy allows none", async () => {
    const root = scratchProject();
    roots.push(root);
    const cover = join(root, "templates", "partials", "cover.hbs");
    writeFileSync(cover, `<script>window.pwned = "mal"</script><img src="x" onerror="window.pwned = 'bilde'">${readFileSync(cover, "utf8")}`);
    const { page, violations } = await openEdition(root);
    try {
      expect(await page.$$("body script")).toHaveLength(1);
      expect(await pwned(page)).toBeUndefined();
      expect(violations.length).toBeGreaterThanOrEqual(1);
    } finally {
      await page.close();
    }
  });

  it("the report of 2025 has the policy and needs nothing it forbids: its fonts and charts load, no violation", async () => {
    const root = scratchProject();
    roots.push(root);
    const { page, violations } = await openEdition(root);
    try {
      const policy = await page.$eval('head > meta[http-equiv="Content-Security-Policy"]', (meta) => meta.getAttribute("content"));
      expect(policy).toMatch(/^default-src 'none';/);
      expect(policy).not.toMatch(/script-src/);
      expect(violations).toEqual([]);
      expect(await page.evaluate(() => document.fonts.check('12px "Source Sans 3"'))).toBe(true);
      expect(await page.evaluate(async () => (await document.fonts.ready, [...document.fonts].filter((f) => f.status === "loaded").length))).toBeGreaterThanOrEqual(1);
      expect(await page.$$eval("figure.chart-exhibit svg[role=img]", (svgs) => svgs.length)).toBeGreaterThanOrEqual(15);
    } finally {
      await page.close();
    }
  });
});
