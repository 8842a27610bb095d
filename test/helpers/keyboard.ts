import type { Browser } from "puppeteer-core";
import { offlinePage } from "../../src/render/pdf/browser.js";

/** One place the Tab key stops at, as the real Chromium moves focus. */
export interface KeyboardStop {
  readonly tag: string;
  readonly role: string | null;
  /** The accessible name from aria-labelledby or aria-label, or the text of a link. */
  readonly name: string;
  readonly href: string | null;
  /** Whether the element itself scrolls (its content is wider or taller than its box). */
  readonly scrolls: boolean;
}

/**
 * Presses Tab through the page at a viewport width, as a keyboard user does,
 * and lists every element focus lands on, in order, until it leaves the page
 * or comes round again. Also counts the scroll boxes that scroll at all.
 */
export async function keyboardStops(browser: Browser, html: string, width: number): Promise<{ stops: KeyboardStop[]; scrollingBoxes: number }> {
  const page = await offlinePage(browser);
  try {
    await page.setViewport({ width, height: 900 });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const stops: KeyboardStop[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return undefined;
        const labelledBy = element.getAttribute("aria-labelledby");
        const name = labelledBy
          ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim()
          : (element.getAttribute("aria-label") ?? (element.tagName === "A" ? (element.textContent ?? "").trim() : ""));
        if (!element.hasAttribute("data-stop")) element.setAttribute("data-stop", String(document.querySelectorAll("[data-stop]").length));
        return {
          key: element.getAttribute("data-stop")!,
          stop: {
            tag: element.tagName.toLowerCase(),
            role: element.getAttribute("role"),
            name,
            href: element.getAttribute("href"),
            scrolls: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
          },
        };
      });
      if (!stop || seen.has(stop.key)) break;
      seen.add(stop.key);
      stops.push(stop.stop);
    }
    const scrollingBoxes = await page.evaluate(
      () => [...document.querySelectorAll(".table-scroll")].filter((box) => box.scrollWidth > box.clientWidth + 1).length,
    );
    return { stops, scrollingBoxes };
  } finally {
    await page.close();
  }
}
