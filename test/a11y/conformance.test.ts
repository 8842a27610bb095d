import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartSpec } from "../../src/charts/spec.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";
import { formatValueText } from "../../src/charts/valueText.js";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import type { ChartData, DocumentModel } from "../../src/types/model.js";
import { contrast, readChart, type ChartXml } from "../helpers/chartXml.js";
import { openDocx, type DocxParts } from "../helpers/docx.js";
import { keyboardStops } from "../helpers/keyboard.js";
import { pageLayouts } from "../helpers/pageLayout.js";
import { REPO, runReport, scratchProject } from "../helpers/project.js";
import { tempFolder } from "../helpers/temp.js";
import { strictUtf8, taggedElements, xmpBytes, xpath, type TaggedElement } from "../helpers/strictPdf.js";

/**
 * Issue 19: conformance as checkers we did not write read it. Both documents
 * the repository builds, the KOSTRA analyse (2025) and the årsrapport (2020),
 * are printed once by the real command, in every format, and then read as a
 * validator reads them: strict UTF-8, XML parsed by xmllint, the .docx's XML.
 */
interface Built {
  readonly year: string;
  readonly title: string;
  readonly pdf: Uint8Array;
  readonly pdfPath: string;
  readonly docx: Uint8Array;
  readonly html: string;
  readonly parts: DocxParts;
  readonly model: DocumentModel;
  readonly tagged: readonly TaggedElement[];
  /** The .docx as LibreOffice reads it, saved as XHTML (its headings are h1–h6). */
  readonly libreOfficeHtml: string;
}

const REPORTS = [
  { year: "2025", base: "kostra-analyse-2025", title: "KOSTRA analyse 2025" },
  { year: "2020", base: "arsrapport-2020", title: "Årsrapport 2020" },
] as const;

const built = new Map<string, Built>();

beforeAll(async () => {
  const root = scratchProject();
  for (const report of REPORTS) {
    const result = runReport([report.year, "--root", root]);
    if (result.status !== 0) throw new Error(`report ${report.year} failed: ${result.stderr}`);
    const dir = join(root, "output", report.year);
    const docx = new Uint8Array(readFileSync(join(dir, `${report.base}.docx`)));
    const pdf = new Uint8Array(readFileSync(join(dir, `${report.base}.pdf`)));
    const { model } = await buildModel(projectPaths(REPO), Number(report.year), { log: () => {}, now: () => 0 });
    built.set(report.year, {
      year: report.year,
      title: report.title,
      pdf,
      pdfPath: join(dir, `${report.base}.pdf`),
      tagged: await taggedElements(pdf),
      docx,
      html: readFileSync(join(dir, `${report.base}.html`), "utf8"),
      parts: await openDocx(docx),
      model,
      libreOfficeHtml: libreOfficeXhtml(docx),
    });
  }
}, 240_000);

const get = (year: string): Built => built.get(year)!;

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

/** LibreOffice opens the .docx as a reader's office suite would and saves it as XHTML. */
function libreOfficeXhtml(docx: Uint8Array): string {
  const work = tempFolder("lo-xhtml-");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    writeFileSync(join(work, "report.docx"), docx);
    const result = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "html:XHTML Writer File:UTF8", "--outdir", work, join(work, "report.docx")],
      { encoding: "utf8", timeout: 180_000 },
    );
    const html = readdirSync(work).find((f) => f.endsWith(".html"));
    if (result.status !== 0 || !html) throw new Error(`LibreOffice could not convert: ${result.stderr}`);
    return readFileSync(join(work, html), "utf8");
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** A style's effective w:outlineLvl, following w:basedOn; undefined when no style in the chain sets one. */
function outlineLevel(styles: string, id: string): number | undefined {
  for (let style = id, depth = 0; style && depth < 20; depth++) {
    const xml = new RegExp(`<w:style [^>]*w:styleId="${style}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0];
    if (!xml) return undefined;
    const level = /<w:outlineLvl w:val="(\d+)"\/>/.exec(xml)?.[1];
    if (level !== undefined) return Number(level);
    style = /<w:basedOn w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? "";
  }
  return undefined;
}

async function wordCharts(parts: DocxParts): Promise<{ name: string; chart: ChartXml }[]> {
  const names = parts.names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => parseInt(a.slice(17)) - parseInt(b.slice(17)));
  return Promise.all(names.map(async (name) => ({ name, chart: readChart(await parts.read(name)) })));
}

/** Charts each report has: the årsrapport has none (its key figures are a table). */
const CHARTS: Record<string, number> = { "2025": 21, "2020": 0 };

/** The domain of the PDF chart's value scale, as Vega computes it from the spec the PDF is drawn from. */
async function pdfDomain(data: ChartData): Promise<[number, number]> {
  const view = new vega.View(vega.parse(compile(chartSpec(data)).spec), { renderer: "none" });
  try {
    await view.runAsync();
    const domain = view.scale(data.layout === "index" ? "x" : "y").domain() as number[];
    return [domain[0]!, domain[domain.length - 1]!];
  } finally {
    view.finalize();
  }
}

const modelCharts = (model: DocumentModel) => model.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === "chart" ? [b] : [])));

/** Each table cell that prints a symbol instead of a number, with the words its table's footnote gives the symbol. */
function symbolCells(model: DocumentModel): { symbol: string; footnote: string | undefined }[] {
  return model.chapters.flatMap((c) =>
    c.blocks.flatMap((b) =>
      b.type !== "table"
        ? []
        : b.rows.flatMap((row) =>
            row.cells
              .filter((cell) => cell.value === undefined && ["..", ".", "...", ":"].includes(cell.text))
              .map((cell) => ({ symbol: cell.text, footnote: b.notes.find((n) => n.startsWith(`${cell.text}: `))?.slice(cell.text.length + 2) })),
          ),
    ),
  );
}

const modelHeadings = (model: DocumentModel) =>
  model.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === "heading" ? [{ level: b.level, text: b.text }] : [])));

describe.each(REPORTS.map((r) => r.year))("report %s", (year) => {
  it("1: the XMP packet is UTF-8 XML with pdfuaid:part 1 and dc:title (Matterhorn 06-001/06-002/06-003)", async () => {
    const { pdf, title } = get(year);
    const bytes = await xmpBytes(pdf);
    const text = strictUtf8(bytes);
    expect(text.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    const ns = (local: string) => `*[local-name()='${local}']`;
    expect(xpath(bytes, `string(//${ns("part")}[namespace-uri()='http://www.aiim.org/pdfua/ns/id/'])`)).toBe("1");
    expect(xpath(bytes, `string(//${ns("title")}[namespace-uri()='http://purl.org/dc/elements/1.1/']//${ns("li")})`)).toBe(title);
    expect(xpath(bytes, `string(//${ns("creator")}//${ns("li")})`)).toBe("Bærum kommune");
  });

  it("4: Word's Heading 1–3 carry outline levels 0–2 and TOC Heading is body text, so LibreOffice reads the headings", async () => {
    const { parts, model, libreOfficeHtml } = get(year);
    const styles = await parts.read("word/styles.xml");
    expect([1, 2, 3].map((n) => outlineLevel(styles, `Heading${n}`))).toEqual([0, 1, 2]);
    expect(outlineLevel(styles, "TOCHeading") ?? 9).toBe(9);
    const read = [...libreOfficeHtml.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
      level: Number(m[1]),
      text: m[2]!.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").trim(),
    }));
    const expected = modelHeadings(model);
    expect(expected.length).toBeGreaterThan(2);
    // The title page's title may be a heading too (the årsrapport's is); every other heading is the model's.
    expect(read.filter((h) => h.text !== model.title)).toEqual(expected);
    expect(read.map((h) => h.text)).not.toContain("Innhold");
  });

  it("2: every data label in every Word chart has 4.5:1 contrast on what it sits on (WCAG 1.4.3)", async () => {
    const charts = await wordCharts(get(year).parts);
    expect(charts).toHaveLength(CHARTS[year]!);
    const labels = charts.flatMap(({ name, chart }) => chart.labels.map((l) => ({ name, ...l, ratio: Math.round(contrast(l.text, l.background) * 100) / 100 })));
    if (CHARTS[year]! > 0) expect(labels.filter((l) => l.background !== "FFFFFF").length).toBeGreaterThan(0);
    expect(labels.filter((l) => l.ratio < 4.5)).toEqual([]);
  });

  it("3: every Word chart has the PDF's value axis, and an index chart's bars start at the reference (100)", async () => {
    const { parts, model } = get(year);
    const charts = await wordCharts(parts);
    const figures = modelCharts(model);
    expect(charts).toHaveLength(figures.length);
    const found = [];
    const wanted = [];
    for (const [i, { name, chart }] of charts.entries()) {
      const data = figures[i]!.data;
      const drawnSeries = data.series.filter((s) => s.values.some((v) => v !== null)).map((s) => s.name);
      expect(chart.series.map((s) => s.name), name).toEqual(drawnSeries);
      const domain = await pdfDomain(data);
      const value = chart.axes.find((a) => a.kind === "val")!;
      const category = chart.axes.find((a) => a.kind === "cat")!;
      // Where the bars start: the category axis crosses the values there ("autoZero" is 0 when the axis has 0).
      const base = category.crosses === "autoZero" && (value.min ?? 0) <= 0 ? 0 : category.crosses;
      found.push({ name, min: value.min, max: value.max, base });
      wanted.push({ name, min: domain[0], max: domain[1], base: data.layout === "index" ? (data.reference?.value ?? 100) : 0 });
    }
    expect(found).toEqual(wanted);
  });

  it("5: a missing value in a table is text with the footnote's words as its expansion, not a Figure; only charts are Figures (13-004)", () => {
    const { tagged, model, html } = get(year);
    const cells = symbolCells(model);
    expect(cells.length).toBe(year === "2025" ? 7 : 18);
    for (const cell of cells) expect(cell.footnote, cell.symbol).toMatch(/^Tallet /);
    // PDF: Figures are the charts, none inside a table cell.
    const inTable = (e: TaggedElement) => e.ancestors.includes("Table");
    expect(tagged.filter((e) => e.type === "Figure" && inTable(e))).toEqual([]);
    expect(tagged.filter((e) => e.type === "Figure").length).toBe(CHARTS[year]);
    // The symbol is the element's text, its expansion the footnote's words.
    const expanded = tagged.filter((e) => e.expansion !== undefined);
    expect(expanded.map((e) => ({ text: e.text.trim(), expansion: e.expansion, inCell: e.ancestors.includes("TD") }))).toEqual(
      cells.map((c) => ({ text: c.symbol, expansion: c.footnote, inCell: true })),
    );
    // HTML: the same, as an abbr; no image inside a table.
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]).join("");
    expect(tables).not.toMatch(/role="img"/);
    const abbrs = [...tables.matchAll(/<abbr title="([^"]*)">([^<]*)<\/abbr>/g)].map((m) => ({ text: m[2], expansion: m[1] }));
    expect(abbrs).toEqual(cells.map((c) => ({ text: c.symbol, expansion: c.footnote })));
  });

  it("6: every chart's alt text (PDF Figure and Word drawing) states every value, name: value, region by region, without the caption", async () => {
    const { tagged, parts, model } = get(year);
    const figures = modelCharts(model);
    const pdfAlts = tagged.filter((e) => e.type === "Figure").map((e) => e.alt ?? "");
    const document = await parts.read("word/document.xml");
    const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const wordAlts = [...document.matchAll(/<wp:docPr [^>]*\bdescr="([^"]*)"/g)].map((m) => unescape(m[1]!));
    expect(pdfAlts).toHaveLength(figures.length);
    expect(wordAlts).toEqual(pdfAlts);
    let values = 0;
    const problems: string[] = [];
    for (const [i, figure] of figures.entries()) {
      const alt = pdfAlts[i]!;
      const { data } = figure;
      if (alt.includes(figure.caption)) problems.push(`${figure.label}: repeats the caption`);
      let at = 0;
      const stacked = data.layout === "stacked";
      const outer = stacked ? data.categories : data.series.map((s) => s.name);
      const inner = stacked ? data.series.map((s) => s.name) : data.categories;
      for (const [o, group] of outer.entries()) {
        for (const [n, name] of inner.entries()) {
          const value = stacked ? data.series[n]!.values[o] : data.series[o]!.values[n];
          const said = `${name}: ${value == null ? "mangler" : formatValueText(value, data)}`;
          const found = alt.indexOf(said, at);
          if (found < 0) problems.push(`${figure.label}: «${said}» (${group}) not found in order in «${alt}»`);
          else at = found + said.length;
          values++;
        }
      }
    }
    expect(problems).toEqual([]);
    if (CHARTS[year]! > 0) expect(values).toBeGreaterThan(200);
  });

  it("10: numbers from the source's prose are marked basis=tekst and footnoted; numbers computed from them say so", () => {
    const { html } = get(year);
    const rows = parse(readFileSync(join(REPO, "data", year, "observations.csv")), { columns: true }) as Record<string, string>[];
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const sentences = text.split(/(?<=\.) (?=[A-ZÆØÅ])/);
    const hentet = sentences.filter((s) => s.includes("er hentet fra teksten"));
    const beregnet = sentences.filter((s) => s.includes("er beregnet fra tall i teksten"));
    // A number the prose only implies ("Avledet i kilden"), or a derived indicator's, is never said to be read from the prose.
    const computed = rows.filter((r) => r.basis === "tekst" && /^Avledet/.test(r.note!));
    for (const sentence of hentet) expect(sentence).not.toMatch(/Effektivitet for|per elev for Bærum 2024 \(108/);
    if (year === "2025") {
      // Read from the seed's prose ("gikk produksjonen i Bærum ned med 0,9 prosent, mens nedgangen i ASSS området var på 0,7 prosent";
      // "Effektiviteten har gått ned med 5,1 prosentpoeng"): not asss.no table values.
      const prose = rows.filter((r) => ["produksjon-endring", "effektivitet-endring"].includes(r.indicator!));
      expect(prose.map((r) => `${r.indicator} ${r.region} ${r.value} ${r.basis}`)).toEqual([
        "produksjon-endring 3201 -0.9 tekst",
        "produksjon-endring asss-med-oslo -0.7 tekst",
        "effektivitet-endring 3201 -5.1 tekst",
      ]);
      const table = text.slice(text.indexOf("Endring i produksjon grunnskole fra 2023 til 2024"));
      expect(table.slice(0, 800)).toMatch(/Rekonstruert fra teksten i kildedokumentet, ikke fra en tabell: Endring i produksjon for Bærum 2024 \(−0,9 %\) og Endring i produksjon for ASSS med Oslo 2024 \(−0,7 %\)/);
      expect(computed.length).toBeGreaterThan(0);
      expect(beregnet.join(" ")).toContain("Netto driftsutgifter per elev for Bærum 2024 (108 173 kr)");
      expect(beregnet.join(" ")).toContain("Effektivitet for Bærum 2024 (109,3)");
    } else {
      expect(rows.filter((r) => r.basis === "tekst")).toEqual([]);
      expect([...hentet, ...beregnet]).toEqual([]);
    }
  });

  it.each([1280, 320])("7: in the HTML at %i px, Tab stops only at links and at scroll boxes that scroll, each a region named by its table's caption; a skip link comes first", async (width) => {
    browser ??= await launchBrowser();
    const { stops, scrollingBoxes } = await keyboardStops(browser, get(year).html, width);
    expect(stops[0]).toMatchObject({ tag: "a", href: "#hovedinnhold", name: "Hopp til innholdet" });
    expect(get(year).html).toMatch(/<main id="hovedinnhold">/);
    const boxes = stops.filter((s) => s.tag !== "a");
    expect(boxes.filter((b) => !b.scrolls)).toEqual([]);
    expect(boxes.length).toBe(scrollingBoxes);
    for (const box of boxes) {
      expect(box.role).toBe("region");
      expect(box.name).toMatch(/^Tabell \d+/);
    }
  });

  it("8: decoration is an artifact, not tagged content; headings start on their own page; an empty corner cell names no headers", () => {
    const { tagged } = get(year);
    const TABLE = new Set(["Table", "THead", "TBody", "TFoot", "TR", "TH", "TD"]);
    const shapesOnly = tagged.flatMap((e) =>
      (TABLE.has(e.type) || /^H\d$/.test(e.type)) ? e.sequences.filter((q) => !q.text.trim()).map((q) => `${e.type} p. ${q.page}`) : [],
    );
    expect(shapesOnly).toEqual([]);
    // Page 1 (the cover's, or the årsrapport's band) has no tagged background; its list bullets (Lbl) are the list's.
    const cover = tagged.flatMap((e) => (e.type === "Lbl" ? [] : e.sequences.filter((q) => q.page === 1 && !q.text.trim()).map(() => e.type)));
    expect(cover).toEqual([]);
    const headings = tagged.filter((e) => /^H\d$/.test(e.type));
    expect(headings.length).toBeGreaterThan(2);
    expect(headings.filter((h) => h.page !== undefined && h.page !== h.textPage).map((h) => `${h.deepText}: /Pg ${h.page}, text on ${h.textPage}`)).toEqual([]);
    expect(tagged.filter((e) => e.type === "TD" && !e.deepText.trim() && e.headers).map((e) => [e.ancestors.join(">"), e.sequences])).toEqual([]);
  });

  it("9: a figure and its table share a page, no page starts with a lone word, and no page in the body is half empty", () => {
    const { pdfPath, model } = get(year);
    const pages = pageLayouts(pdfPath);
    const pageOf = (label: string) => pages.find((p) => p.captions.includes(label))?.page;
    const pairs = model.chapters.flatMap((c) =>
      c.blocks.flatMap((b, i) => {
        const next = c.blocks[i + 1];
        return b.type === "chart" && next?.type === "table" ? [{ figure: b.label, table: next.label }] : [];
      }),
    );
    expect(pairs.length).toBe(year === "2025" ? 20 : 0);
    expect(pairs.filter((p) => pageOf(p.figure) !== pageOf(p.table)).map((p) => `${p.figure} p. ${pageOf(p.figure)}, ${p.table} p. ${pageOf(p.table)}`)).toEqual([]);
    expect(pages.filter((p) => /^\S+[.,;:]$/.test(p.firstLine)).map((p) => `p. ${p.page}: ${p.firstLine}`)).toEqual([]);
    // The cover and the contents (2025) and the last page may be short; every other page is at least half full.
    const body = pages.slice(model.toc.length > 0 ? 2 : 0, -1);
    expect(body.filter((p) => p.emptyBelow > 0.5).map((p) => `p. ${p.page}: ${Math.round(p.emptyBelow * 100)} %`)).toEqual([]);
  });
});
