import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { findBrowser, type BrowserChoice } from "./findBrowser.js";

/**
 * One browser per run. The flags keep a headless Chromium quiet on a closed
 * network: no background updates, sync or first-run traffic.
 */
export async function launchBrowser(onChoice?: (choice: BrowserChoice) => void): Promise<Browser> {
  const choice = findBrowser();
  onChoice?.(choice);
  const { executablePath } = choice;
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--font-render-hinting=none",
    ],
  });
}

/** A page that can load nothing from the network: only inline and data: content. */
export async function offlinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") void request.continue();
    else void request.abort("blockedbyclient");
  });
  return page;
}
