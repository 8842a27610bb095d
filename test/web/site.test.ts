import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, Page, SerializedAXNode } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readCsv } from "../../src/data/csv.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { WCAG_21_AA } from "../helpers/axe.js";
import { replaceInFile } from "../helpers/edit.js";
import { normalizeSpaces, pdfText, runReport, scratchProject, type CommandResult } from "../helpers/project.js";
import { crawl, filesUnder, staticServer } from "./siteHelpers.js";

/**
 * The web edition of the 2025 report and of the 2020 årsrapport, built by the
 * real command on a scratch project, read by the real Chromium from the disk
 * (file://) and from a plain HTTP server on 127.0.0.1, with axe-core on
 * every page at three widths. Nothing is mocked.
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [320, 768, 1280] as const;

let root: string;
let built: CommandResult;
let yearly: CommandResult;
let browser: Browser;
let http: { url: string; server: Server };
const site = () => join(root, "output", "2025", "web");
const annual = () => join(root, "output", "2020", "web");
const fileUrl = (dir: string, page: string) => `file://${dir}/${page}`;

beforeAll(async () => {
  root = scratchProject();
  built = runReport(["2025", "--root", root]);
  yearly = runReport(["2020", "--root", root, "--document", "arsrapport"]);
  browser = await launchBrowser(undefined, { allowLoopback: true });
  http = await staticServer(site());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => http?.server.close(done));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A page of the site in a window of `width`, JavaScript on unless said, with what it loaded and what its policy refused. */
async function open(url: string, width: number, options: { javascript?: boolean } = {}): Promise<{ page: Page; failed: string[]; refused: string[] }> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(options.javascript ?? true);
  await page.setViewport({ width, height: 900 });
  const failed: string[] = [];
  const refused: string[] = [];
  page.on("requestfailed", (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    // The browser asks for /favicon.ico by itself, whenever it likes; no page of the site loads it.
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return { page, failed, refused };
}

async function axe(page: Page): Promise<string[]> {
  // The checker is a script the page's own policy would refuse: it is let in from outside, the page is not changed.
  const session = await page.createCDPSession();
  await session.send("Runtime.evaluate", { expression: AXE_SOURCE });
  await session.detach();
  return page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => String(n.target[0])).join(", ")}`);
  }, [...WCAG_21_AA]);
}

describe("npm run report -- 2025 writes the web edition", () => {
  it("as output/2025/web/, beside the PDF and Word, and says so", () => {
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/^Skrev output\/2025\/web\/index\.html$/m);
    expect(built.stdout).toMatch(/^\s+nett\s+2 sider, \d+ nedlastinger, største side [\d\s,]+\skB$/m);
    const files = filesUnder(site());
    expect(files).toContain("index.html");
    expect(files).toContain("kapittel/grunnskole.html");
    expect(files).toContain("dokumenter/kostra-analyse-2025.pdf");
    expect(files).toContain("dokumenter/kostra-analyse-2025.docx");
    expect(files).toContain("data/kostra-analyse-2025-alle-tall.csv");
    expect(files).toContain("data/kostra-analyse-2025-alle-tall.xlsx");
    // The PDF in the site is the PDF of the build.
    expect(readFileSync(join(site(), "dokumenter", "kostra-analyse-2025.pdf"))).toEqual(readFileSync(join(root, "output", "2025", "kostra-analyse-2025.pdf")));
  });

  it("has no broken link or anchor on any page, and links nothing outside its folder", () => {
    for (const dir of [site(), annual()]) {
      const { pages, broken, followed } = crawl(dir);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(followed).toBeGreaterThan(20);
      expect(broken).toEqual([]);
    }
  });

  it("gives every page a title of its own, lang=nb, a skip link, breadcrumbs, the chapter's contents and the report's files with sizes", () => {
    const front = readFileSync(join(site(), "index.html"), "utf8");
    const chapter = readFileSync(join(site(), "kapittel", "grunnskole.html"), "utf8");
    expect(front).toContain('<html lang="nb">');
    expect(front).toContain("<title>KOSTRA analyse 2025</title>");
    expect(chapter).toContain("<title>Grunnskoleopplæring – KOSTRA analyse 2025</title>");
    for (const html of [front, chapter]) {
      expect(html).toMatch(/<a class="skip-link" href="#hovedinnhold">/);
      expect(html).toMatch(/<nav class="breadcrumbs wrap" aria-label="Brødsmulesti">/);
      expect(html).toMatch(/<a href="(\.\.\/)?dokumenter\/kostra-analyse-2025\.pdf" download>PDF<\/a> <span class="size">\(\d[\d,]*\s(kB|MB)\)<\/span>/);
      expect(html).toMatch(/<a href="(\.\.\/)?dokumenter\/kostra-analyse-2025\.docx" download>Word<\/a> <span class="size">\(\d[\d,]*\s(kB|MB)\)<\/span>/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(html).not.toMatch(/\sstyle="/);
    }
    expect(chapter).toMatch(/<nav class="chapter-toc" aria-labelledby="innhold-i-kapitlet">[\s\S]*<a href="#grunnskole-dekningsgrader">Dekningsgrader<\/a>/);
    expect(chapter).toMatch(/<caption><a class="label" href="#tabell-netto-driftsutgifter">Tabell \d+<\/a>/);
  });

  it("shows the key figures of each chapter on the front page, from the data, each linked to its table", () => {
    const front = readFileSync(join(site(), "index.html"), "utf8");
    expect(front).toContain('<a href="kapittel/grunnskole.html#tabell-netto-driftsutgifter"><span class="card-value">136,8</span>');
    expect(front).toContain('<span class="card-context">Bærum, 2024</span>');
    expect((front.match(/class="card-value"/g) ?? []).length).toBe(4);
    // The årsrapport's nøkkeltall of 2020 are all ".." in the data: no figure is made up, the section is left out.
    const annualFront = readFileSync(join(annual(), "index.html"), "utf8");
    expect(yearly.status).toBe(0);
    expect(annualFront).not.toContain("Nøkkeltall");
    expect(annualFront).toContain('<a href="kapittel/skole.html">Oppvekst skole</a>');
  });

  it("holds each table's numbers as the PDF prints them", async () => {
    const text = normalizeSpaces(pdfText(join(root, "output", "2025", "kostra-analyse-2025.pdf"), { mode: "raw" }));
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 1280);
    try {
      const rows = await page.$$eval(".table-exhibit tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
      expect(rows.length).toBeGreaterThanOrEqual(60);
      const escape = (s: string) => normalizeSpaces(s).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const missing = rows.filter((cells) => !new RegExp(cells.map(escape).join("\\s+")).test(text));
      expect(missing).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("has downloads whose numbers are the table's: each CSV read back by the project's own CSV reader", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 1280);
    const tables = await page.$$eval(".table-exhibit", (boxes) =>
      boxes.map((box) => ({
        id: box.id,
        csv: box.querySelector<HTMLAnchorElement>('.downloads a[href$=".csv"]')!.getAttribute("href")!,
        rows: [...box.querySelectorAll("tbody tr")].map((tr) => ({ label: tr.querySelector("th")!.textContent!.trim(), cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()) })),
      })),
    );
    await page.close();
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const table of tables) {
      const file = join(site(), "kapittel", table.csv);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = bytes.toString("utf8").slice(1).split("\r\n")[0]!.split(";");
      const values = header.slice(1);
      const read = readCsv(file, table.csv, z.record(z.string()), { requiredColumns: header, numberColumns: values });
      table.rows.forEach((row, r) => {
        expect(read[r]!.value[header[0]!]).toBe(row.label);
        row.cells.forEach((shown, c) => {
          const cell = read[r]!.value[values[c]!]!;
          // The page's "1 234,5 %" and "−3,2" are the file's 1234.5 and -3.2 once read; a symbol is the same symbol.
          const number = normalizeSpaces(shown).replace(/ %$/, "").replace(/ /g, "").replace(",", ".");
          if (/^-?\d+(\.\d+)?$/.test(number)) expect(cell, `${table.id} ${row.label} column ${c + 1}`).toBe(number);
          else expect(cell).toBe(shown);
        });
      });
      // Below the data: the source line, as on the page.
      expect(read.at(-1)!.value[header[0]!]).toMatch(/^Kilde: |^[^;]+\.$/);
    }
  });

  it.each(WIDTHS)("has no axe-core violations (WCAG 2.0/2.1 A and AA, best practices) on any page at %i px", async (width) => {
    for (const [dir, pages] of [[site(), ["index.html", "kapittel/grunnskole.html"]], [annual(), ["index.html", "kapittel/skole.html"]]] as const) {
      for (const name of pages) {
        const { page, failed, refused } = await open(fileUrl(dir, name), width);
        try {
          // Before axe runs: axe-core itself fetches the style sheets, which file:// does not allow a script.
          expect(failed).toEqual([]);
          expect(refused).toEqual([]);
          expect(await axe(page), `${name} at ${width} px`).toEqual([]);
          // Reflow (1.4.10; 320 px is 1280 px at 400 %): the page never scrolls sideways, only a table or chart box may.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
        } finally {
          await page.close();
        }
      }
    }
  }, 240_000);

  it("draws every chart's text at 320 px at least as large as the page's small print, inside a box that scrolls and is then a named tab stop", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 320);
    try {
      const measured = await page.$$eval(".chart-box", (boxes) => {
        const small = parseFloat(getComputedStyle(document.querySelector(".source")!).fontSize);
        return boxes.map((box) => {
          const svg = box.querySelector("svg")!;
          const scale = svg.getScreenCTM()!.a;
          const smallest = Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
          return { small, smallest, scrolls: box.scrollWidth > box.clientWidth, tabindex: box.getAttribute("tabindex"), name: box.getAttribute("aria-label") };
        });
      });
      expect(measured.length).toBe(21);
      for (const chart of measured) {
        expect(chart.small).toBe(13);
        expect(chart.smallest).toBeGreaterThanOrEqual(chart.small - 0.01);
        if (chart.scrolls) expect(chart).toMatchObject({ tabindex: "0", name: expect.stringMatching(/^Figur \d+, rull sideveis$/) });
      }
      expect(measured.some((chart) => chart.scrolls)).toBe(true);
    } finally {
      await page.close();
    }
    // On a wide screen nothing scrolls, and nothing is a tab stop without a purpose.
    const wide = await open(fileUrl(site(), "kapittel/grunnskole.html"), 1280);
    try {
      expect(await wide.page.$$eval("[data-scroll-label]", (boxes) => boxes.filter((box) => box.hasAttribute("tabindex")).map((box) => box.getAttribute("data-scroll-label")))).toEqual([]);
    } finally {
      await wide.page.close();
    }
  });

  it("groups each chart with its caption, its text alternative and its table in what a screen reader is given", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 768);
    try {
      const tree = (await page.accessibility.snapshot({ interestingOnly: false }))!;
      const flat: SerializedAXNode[] = [];
      const walk = (node: SerializedAXNode) => {
        flat.push(node);
        node.children?.forEach(walk);
      };
      walk(tree);
      const figures = flat.filter((node) => node.role === "figure");
      expect(figures.length).toBe(21);
      for (const figure of figures) {
        expect(figure.name).toMatch(/^Figur \d+ \S/);
        const image = (figure.children ?? []).flatMap(function all(node): SerializedAXNode[] {
          return [node, ...(node.children ?? []).flatMap(all)];
        }).find((node) => node.role === "image");
        // The alt text opens with the chart type ("Stolpediagram, 2021–2024." or "Liggende stolpediagram."), then the values.
        expect(image?.name, figure.name).toMatch(/^[A-ZÆØÅ][a-zæøå ]*diagram[^.]*\. \S.*: \d/);
        // Next in reading order: the sentence that points to the table, then the table with the same numbers.
        const at = flat.indexOf(figure);
        const table = flat.slice(at).find((node) => node.role === "table");
        expect(table?.name).toMatch(/^Tabell \d+ /);
      }
    } finally {
      await page.close();
    }
  });

  it("takes the keyboard from the skip link to the content with a visible focus", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 320);
    try {
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        const style = getComputedStyle(active);
        const box = active.getBoundingClientRect();
        return { text: active.textContent, outline: style.outlineStyle, width: style.outlineWidth, visible: box.top >= 0 && box.bottom <= window.innerHeight };
      });
      expect(skip).toEqual({ text: "Hopp til innholdet", outline: "solid", width: "3px", visible: true });
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("hovedinnhold");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest(".chapter-toc") !== null)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("works with JavaScript off: the content and the downloads are there, and nothing gets a tab stop", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 320, { javascript: false });
    try {
      const state = await page.evaluate(() => ({
        figures: document.querySelectorAll("figure svg").length,
        tables: document.querySelectorAll("table").length,
        downloads: [...document.querySelectorAll<HTMLAnchorElement>(".downloads a")].filter((a) => a.href.endsWith(".csv") || a.href.endsWith(".xlsx")).length,
        tabStops: document.querySelectorAll("[data-scroll-label][tabindex]").length,
      }));
      // Every table and chart has its CSV and XLSX (all of data/ but the two files of every value); 23 tables, and a chart without a table of its own has its numbers in a <details>.
      const data = filesUnder(join(site(), "data")).length - 2;
      expect(state).toEqual({ figures: 21, tables: 24, downloads: data, tabStops: 0 });
      expect(data).toBe(2 * (21 + 23));
    } finally {
      await page.close();
    }
  });

  it("is the same site from a plain HTTP server: every page and everything it loads answers, nothing is refused", async () => {
    for (const name of ["index.html", "kapittel/grunnskole.html"]) {
      const { page, failed, refused } = await open(`${http.url}${name}`, 768);
      try {
        expect(failed).toEqual([]);
        expect(refused).toEqual([]);
        expect(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"'))).toBe(true);
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Source Sans 3");
      } finally {
        await page.close();
      }
    }
  });

  it("prints from the browser without the navigation, every chart within the paper", async () => {
    const { page } = await open(fileUrl(site(), "kapittel/grunnskole.html"), 1280);
    try {
      await page.emulateMediaType("print");
      const state = await page.evaluate(() => ({
        hidden: [".breadcrumbs", ".chapter-toc", ".pager", ".downloads"].every((selector) => [...document.querySelectorAll(selector)].every((element) => getComputedStyle(element).display === "none")),
        widest: Math.max(...[...document.querySelectorAll("figure svg")].map((svg) => svg.getBoundingClientRect().width)),
        main: document.querySelector("main")!.getBoundingClientRect().width,
      }));
      expect(state.hidden).toBe(true);
      expect(state.widest).toBeLessThanOrEqual(state.main);
    } finally {
      await page.close();
    }
  });
});

describe("the web edition's folder is written all or nothing", () => {
  it("a page the new build does not make is gone, and a build that fails in a web template leaves the previous site as it was", () => {
    const stale = join(site(), "kapittel", "gammel.html");
    writeFileSync(stale, "<!doctype html>");
    expect(runReport(["2025", "--root", root, "--format", "web"]).status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    const before = filesUnder(site()).map((name) => [name, readFileSync(join(site(), name)).toString("base64")]);
    replaceInFile(root, "templates/web/partials/web-table.hbs", "{{caption}}</caption>", "{{caption}} {{kilde}}</caption>");
    const broken = runReport(["2025", "--root", root, "--format", "web"]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/templates\/web\/partials\/web-table\.hbs:\d+/);
    expect(broken.stderr).toContain("kilde");
    expect(filesUnder(site()).map((name) => [name, readFileSync(join(site(), name)).toString("base64")])).toEqual(before);
    expect(filesUnder(join(root, "output", "2025")).filter((name) => name.includes(".tmp") || name.includes(".previous"))).toEqual([]);
  });
});
