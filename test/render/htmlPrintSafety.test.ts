import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, DocumentModel } from "../../src/types/model.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { printPdf } from "../../src/render/pdf/printPdf.js";
import { normalizeSpaces, REPO, run } from "../helpers/project.js";

/**
 * What a title or a commentary can do to the printed PDF, in the real
 * Chromium and read back with poppler: a title with quotes, `<`, `\`, markup
 * and letters beyond ASCII prints as itself in the running header (and not as
 * CSS on the cover), and a token too long for a line is wrapped instead of
 * shrinking every page.
 */
let browser: Browser;
let dir: string;
const templates = loadHtmlTemplates(join(REPO, "templates"), REPO);
const render = (m: DocumentModel, p?: ReadonlyMap<string, number>) => templates.render(m, p);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kostra-print-safety-"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const paragraph = (text: string): Block => ({ type: "paragraph", children: [{ type: "text", text }] });

/** A small document: a cover, a contents page, and one chapter of `blocks`, its headings in the contents. */
function document(title: string, chapterTitle: string, blocks: readonly Block[]): DocumentModel {
  const all: Block[] = [{ type: "heading", level: 1, id: "kapittel-a", text: chapterTitle, toc: true }, ...blocks];
  return {
    lang: "nb",
    title,
    organisation: "Bærum kommune",
    year: 2025,
    toc: all.flatMap((b) => (b.type === "heading" && b.toc ? [{ id: b.id, level: b.level === 1 ? (1 as const) : (2 as const), text: b.text }] : [])),
    chapters: [{ id: "a", title: chapterTitle, blocks: all }],
  };
}

async function print(name: string, model: DocumentModel): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, (await printPdf(browser, model, render)).pdf);
  return file;
}

interface Word {
  readonly text: string;
  readonly xMax: number;
  readonly height: number;
}

/** Every word on a page with its box, from `pdftotext -bbox` (points, from the page's top left). */
function words(pdf: string, page: number): Word[] {
  const xhtml = run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"]);
  return [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xMax: Number(m[3]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** The A4 page's right text edge: 210 mm less the 20 mm right margin of templates/report.css, in points. */
const RIGHT_EDGE = ((210 - 20) / 25.4) * 72;
const NORMAL = "Referanseordet står i et vanlig avsnitt om skolefritidsordningen.";

describe("printing what a title or a commentary holds", () => {
  it("prints a title with quotes, <, \\, markup and æøå in the running header as written, and no CSS on the cover", async () => {
    const title = `Tall «og» "sitat" <2025> \\ Bærum</style><i>x</i>`;
    const chapter = `Skole 'én' & <img src=x onerror="alert(1)">`;
    const pdf = await print("title", document(title, chapter, [paragraph(NORMAL)]));
    const cover = normalizeSpaces(run("pdftotext", ["-raw", "-f", "1", "-l", "1", pdf, "-"])).replace(/\s+/g, " ");
    expect(cover).toContain(title);
    expect(cover).not.toMatch(/@page|@font-face|content:|\{|\}/);
    // The chapter's page: the running header is the title and the chapter, each exactly as written.
    const page = normalizeSpaces(run("pdftotext", ["-raw", "-f", "3", "-l", "3", pdf, "-"])).replace(/\s+/g, " ");
    expect(page).toContain(`${title} · ${chapter}`);
  });

  it("wraps a 300-character token in commentary, a heading, the contents and a list, instead of shrinking every page", async () => {
    const token = "https://www.ssb.no/statbank/" + "x".repeat(272);
    expect(token).toHaveLength(300);
    const blocks: Block[] = [
      paragraph(NORMAL),
      paragraph(`Se ${token} for tallene.`),
      { type: "heading", level: 2, id: "lang", text: `Overskrift ${token.slice(0, 120)}`, toc: true },
      { type: "list", ordered: false, items: [{ children: [{ type: "text", text: token }] }] },
    ];
    const control = await print("control", document("Kontroll", "Kapittel", [paragraph(NORMAL)]));
    const long = await print("long", document("Kontroll", "Kapittel", blocks));
    const reference = words(control, 3).find((w) => w.text === "Referanseordet")!;
    const measured = words(long, 3).find((w) => w.text === "Referanseordet")!;
    expect(reference.height).toBeGreaterThan(10);
    // The same font size as on a page without the token: the page is printed at 100 %.
    expect(measured.height).toBeCloseTo(reference.height, 1);
    // And nothing runs past the right margin: the token was broken into lines.
    const all = words(long, 3);
    expect(all.filter((w) => w.text.includes("xxxxxxxx")).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...all.map((w) => w.xMax))).toBeLessThanOrEqual(RIGHT_EDGE + 1);
  });
});
