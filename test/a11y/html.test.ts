import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { checkHtml, type PageCheck } from "../helpers/axe.js";
import { runReport, scratchProject } from "../helpers/project.js";

/**
 * WCAG 2.1 AA on the HTML edition, checked by axe-core (the npm package, as
 * published) in the real Chromium: the WCAG 2.0/2.1 A and AA rules and axe's
 * best practices, on a desktop window and on a 320 px phone (1.4.10 reflow).
 */
let browser: Browser;
let html: string;
let status: number | null;
const checks = new Map<number, PageCheck>();

beforeAll(async () => {
  const root = scratchProject();
  status = runReport(["2025", "--root", root, "--format", "html"]).status;
  html = readFileSync(join(root, "output", "2025", "kostra-analyse-2025.html"), "utf8");
  browser = await launchBrowser();
  for (const width of [1280, 320]) checks.set(width, await checkHtml(browser, html, width));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the HTML edition (npm run report -- 2025 --format html)", () => {
  it("is written", () => expect(status).toBe(0));

  it.each([1280, 320])("has no axe-core violations (WCAG 2.1 A/AA and best practices) at %i px", (width) => {
    expect(checks.get(width)!.violations).toEqual([]);
  });

  it("reflows at 320 px: the page is as wide as the window, nothing scrolls sideways (1.4.10)", () => {
    const { scrollWidth, viewportWidth } = checks.get(320)!;
    expect(viewportWidth).toBe(320);
    expect(scrollWidth).toBe(320);
  });

  it("keeps the A4 sheets on a wide screen and lets the text follow a narrow one", () => {
    expect(checks.get(1280)!.scrollWidth).toBe(1280);
    expect(checks.get(1280)!.sheetWidth).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(checks.get(320)!.sheetWidth).toBeLessThanOrEqual(320);
  });

  it("shows the cover in white on the accent colour, not white on white (1.4.3)", () => {
    for (const check of checks.values()) expect(check.cover).toEqual({ color: "rgb(255, 255, 255)", background: "rgb(10, 77, 140)" });
  });

  it("leaves the print page numbers out of the table of contents on screen", () => {
    for (const check of checks.values()) expect(check.tocPageNumbersShown).toBe(false);
  });
});
