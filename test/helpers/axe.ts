import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Browser } from "puppeteer-core";
import { offlinePage } from "../../src/render/pdf/browser.js";

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected into the page as it is published on npm. */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets WCAG 2.1 AA asks for, plus axe's best practices. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
  readonly targets: readonly string[];
}

export interface PageCheck {
  readonly violations: readonly AxeViolation[];
  readonly scrollWidth: number;
  readonly viewportWidth: number;
  /** Width of the first chapter's sheet, in CSS px. */
  readonly sheetWidth: number;
  /** The cover's text and background colours, as computed on screen. */
  readonly cover: { readonly color: string; readonly background: string };
  /** Whether the print page numbers of the table of contents are shown. */
  readonly tocPageNumbersShown: boolean;
}

/** Loads the HTML at a viewport width, runs axe-core in the real Chromium, and measures sideways scrolling. */
export async function checkHtml(browser: Browser, html: string, width: number): Promise<PageCheck> {
  const page = await offlinePage(browser);
  try {
    // The printing page runs no script; axe-core is one, and readers' browsers run scripts anyway.
    await page.setJavaScriptEnabled(true);
    // The report's Content-Security-Policy forbids every script, axe-core's inline tag too: the checker, not the page, is let through.
    await page.setBypassCSP(true);
    await page.setViewport({ width, height: 900 });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async (tags: string[]) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => String(n.target[0])) }));
    }, [...WCAG_21_AA]);
    const layout = await page.evaluate(() => {
      const cover = getComputedStyle(document.querySelector(".cover")!);
      const pageNumber = document.querySelector(".toc .toc-page");
      return {
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: window.innerWidth,
        sheetWidth: document.querySelector(".chapter")!.getBoundingClientRect().width,
        cover: { color: cover.color, background: cover.backgroundColor },
        tocPageNumbersShown: pageNumber !== null && getComputedStyle(pageNumber).display !== "none",
      };
    });
    return { violations, ...layout };
  } finally {
    await page.close();
  }
}
