import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/pipeline.js";
import { startPreview, type PreviewServer } from "../../src/preview/server.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { replaceInFile } from "../helpers/edit.js";
import { scratchProject } from "../helpers/project.js";

/**
 * The preview in a real Chromium: an editor saves a file in another program
 * and the page follows by itself.
 */
let root: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
const log: string[] = [];
const SFO = "data/2025/commentary/grunnskole/08-sfo.md";

beforeAll(async () => {
  root = scratchProject();
  preview = await startPreview(projectPaths(root), { year: 2025, port: 0, log: (line) => log.push(line) });
  browser = await launchBrowser(undefined, { allowLoopback: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(preview.url, { waitUntil: "load" });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

const bodyText = () => page.evaluate(() => document.body.innerText);
const waitForText = (text: string) => page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 15_000 }, text);

describe("npm run preview -- 2025", () => {
  it("shows the report as the HTML the PDF is printed from, on 127.0.0.1", async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await page.title()).toBe("KOSTRA analyse 2025");
    expect(await bodyText()).toContain("Tabell 2 Netto driftsutgifter til grunnskolesektor");
    expect(await page.$$eval("figure.chart-exhibit svg[role=img]", (svgs) => svgs.length)).toBeGreaterThanOrEqual(15);
  });

  it("shows a saved commentary change without a manual reload, keeping the scroll position", async () => {
    const y = await page.evaluate(() => {
      document.getElementById("grunnskole-sfo")!.scrollIntoView();
      return window.scrollY;
    });
    expect(y).toBeGreaterThan(1000);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    replaceInFile(root, SFO, "Skolefritidsordningen i Bærum har høyere kostnader", "Redaktøren skrev dette nettopp. Skolefritidsordningen i Bærum har høyere kostnader");
    await waitForText("Redaktøren skrev dette nettopp.");
    // The page reloaded itself (our marker is gone) and came back to where the editor was.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
    await page.waitForFunction((target) => Math.abs(window.scrollY - target) < 40, { timeout: 5_000 }, y);
  });

  it("shows a broken data file in the page with its file and line, and clears it when fixed", async () => {
    const file = join(root, "data", "2025", "observations.csv");
    const good = readFileSync(file, "utf8");
    const lines = good.split("\n");
    lines[4] = lines[4]!.replace(/^([^,]*,[^,]*,\d{4}),(\d+\.\d),/, "$1,$2x,");
    writeFileSync(file, lines.join("\n"));
    await page.waitForSelector("#preview-error", { timeout: 15_000 });
    const message = await page.$eval("#preview-error", (el) => el.textContent ?? "");
    expect(message).toMatch(/data\/2025\/observations\.csv:5:4: skal være et tall med desimalpunktum/);
    // The last good report stays visible under the message.
    expect(await bodyText()).toContain("Redaktøren skrev dette nettopp.");

    writeFileSync(file, good);
    await page.waitForFunction(() => !document.getElementById("preview-error"), { timeout: 15_000 });
    expect(await bodyText()).toContain("Tabell 2 Netto driftsutgifter");
  });

  it("a typo in a commentary expression shows with file, line and suggestion", async () => {
    replaceInFile(root, SFO, '"sfo-antall-barn"', '"sfo-antal-barn"');
    await page.waitForSelector("#preview-error", { timeout: 15_000 });
    expect(await page.$eval("#preview-error", (el) => el.textContent ?? "")).toMatch(
      /data\/2025\/commentary\/grunnskole\/08-sfo\.md:6:\d+: ukjent indikator «sfo-antal-barn» \(mente du «sfo-antall-barn»\?\)/,
    );
    replaceInFile(root, SFO, '"sfo-antal-barn"', '"sfo-antall-barn"');
    await page.waitForFunction(() => !document.getElementById("preview-error"), { timeout: 15_000 });
  });

  it("a page from another site in the same browser can neither build nor read the report", async () => {
    // A real page on another origin (another port on 127.0.0.1), trying a form POST and a no-cors fetch.
    const target = new URL("/build", preview.url).href;
    const attacker: Server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><body><form method="post" action="${target}"></form><script>
        window.tried = fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors" }).then(() => "sent", () => "failed");
        window.read = fetch(${JSON.stringify(preview.url)}).then((r) => r.text(), () => "blocked");
      </script></body>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const address = attacker.address();
    const other = await browser.newPage();
    try {
      await other.goto(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/`, { waitUntil: "load" });
      expect(await other.evaluate(() => (window as unknown as { tried: Promise<string> }).tried)).toBe("sent");
      expect(await other.evaluate(() => (window as unknown as { read: Promise<string> }).read)).toBe("blocked");
      const [response] = await Promise.all([other.waitForNavigation(), other.$eval("form", (form) => (form as HTMLFormElement).submit())]);
      expect(response?.status()).toBe(403);
      expect(log.filter((line) => line.startsWith("lager PDF og Word"))).toEqual([]);
    } finally {
      await other.close();
      attacker.closeAllConnections();
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });

  it("the button produces the PDF and Word files of what is shown", async () => {
    // Let the saves of the tests above settle, so the click is on the page that stays.
    await preview.settled();
    await page.waitForFunction((v) => (window as unknown as { kostraPreviewVersion: number }).kostraPreviewVersion === v, { timeout: 15_000 }, preview.version());
    await page.waitForSelector("#preview-build", { timeout: 15_000 });
    await page.click("#preview-build");
    await page.waitForSelector('#preview-status a[href$=".docx"]', { timeout: 60_000 });
    const links = await page.$$eval("#preview-status a", (as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["/output/kostra-analyse-2025.pdf", "/output/kostra-analyse-2025.docx"]);
    const response = await fetch(new URL("/output/kostra-analyse-2025.pdf", preview.url));
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(log.filter((line) => line.startsWith("lager PDF og Word"))).toHaveLength(1);
  });
});
