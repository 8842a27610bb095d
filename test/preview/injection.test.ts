import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/pipeline.js";
import { startPreview, type PreviewServer } from "../../src/preview/server.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { CHAPTER, hostileTitles, TITLE } from "../helpers/hostile.js";
import { scratchProject } from "../helpers/project.js";

/**
 * The preview runs on 127.0.0.1 with JavaScript on, and what runs in its page
 * is same-origin with POST /build. Nothing from a title or a template may run
 * there: titles are escaped, and the page's Content-Security-Policy header
 * allows only the preview's own script file, /preview.js.
 */
let root: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
const log: string[] = [];

beforeAll(async () => {
  root = scratchProject();
  hostileTitles(root);
  // A template with a script of its own too: the policy, not only the escaping, must stop it.
  const cover = join(root, "templates", "partials", "cover.hbs");
  writeFileSync(cover, `<script>fetch("/build", { method: "POST" })</script><img src="x" onerror="window.pwned = 'mal'">${readFileSync(cover, "utf8")}`);
  preview = await startPreview(projectPaths(root), { year: 2025, port: 0, log: (line) => log.push(line) });
  browser = await launchBrowser(undefined, { allowLoopback: true });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the preview of a report whose titles and template hold markup", () => {
  it("runs nothing of it, starts no build, and its own script still reloads the page", async () => {
    const response = await page.goto(preview.url, { waitUntil: "load" });
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy.split("; ").filter((directive) => directive.startsWith("script-src"))).toEqual(["script-src 'self'"]);
    // The preview's own script (/preview.js) ran: it set the build number it shows.
    await page.waitForFunction((v) => (window as unknown as { kostraPreviewVersion?: number }).kostraPreviewVersion === v, { timeout: 15_000 }, preview.version());
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(log.filter((line) => line.startsWith("lager PDF og Word"))).toEqual([]);
    expect(await page.title()).toBe(TITLE);
    expect(await page.$eval("#kapittel-grunnskole", (h) => h.textContent)).toBe(CHAPTER);
    // The template's inline script (which did not run) and the preview's own, a file.
    expect(await page.$$eval("script", (scripts) => scripts.map((s) => s.getAttribute("src")))).toEqual([null, "/preview.js"]);
  });
});
