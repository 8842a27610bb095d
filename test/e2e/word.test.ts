import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeToPdf, openDocx, paragraphTexts, schemaErrors, tableRowCells, tableRowTexts, type DocxParts } from "../helpers/docx.js";
import { normalizeSpaces, pdfText, runReport, scratchProject } from "../helpers/project.js";
import { seedTableRows } from "../helpers/seed.js";

/**
 * The real command writes the Word file beside the PDF; we read its XML,
 * validate it against the OOXML schemas, let LibreOffice open it as a reader
 * would, and compare it with the PDF printed from the same document model.
 */
let docx: DocxParts;
let document: string;
let pdfFromWord: string;
let pdf: string;
let status: number | null;

beforeAll(async () => {
  const root = scratchProject();
  status = runReport(["2025", "--root", root, "--format", "pdf,docx"]).status;
  const file = join(root, "output", "2025", "kostra-analyse-2025.docx");
  docx = await openDocx(readFileSync(file));
  document = await docx.read("word/document.xml");
  pdf = pdfText(join(root, "output", "2025", "kostra-analyse-2025.pdf"), { mode: "raw" });
  pdfFromWord = pdfText(libreOfficeToPdf(file), { mode: "raw" });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sequence = (values: readonly string[]) => new RegExp(values.map(escape).join("\\s+"));
const captions = (texts: readonly string[]) => texts.map((t) => normalizeSpaces(t).trim()).filter((t) => /^(Figur|Tabell) \d+ /.test(t));

describe("npm run report -- 2025 --format pdf,docx: the Word file", () => {
  it("is written", () => expect(status).toBe(0));

  it("uses Word's heading styles and has a filled table of contents with page numbers", () => {
    expect((document.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBe(1);
    expect((document.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBe(10);
    // "Innhold" is a heading too (Word's TOC Heading), not direct formatting.
    expect((document.match(/<w:pStyle w:val="TOCHeading"\/>/g) ?? []).length).toBe(1);
    const toc = paragraphTexts(/<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0]).filter((t) => t.trim());
    expect(toc).toHaveLength(11);
    for (const entry of toc) expect(entry).toMatch(/\S\s*\d+$/);
    expect(toc.some((t) => t.startsWith("Dekningsgrader"))).toBe(true);
  });

  it("holds every row of every table of the seed chapter, in Norwegian format", () => {
    const rows = tableRowTexts(document).map(normalizeSpaces);
    const missing = seedTableRows().filter((row) => !rows.some((r) => sequence(row.values).test(r)));
    expect(missing).toEqual([]);
  });

  it("has a native chart for every figure, each with its generated alt text", async () => {
    const charts = docx.names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
    const figures = captions(paragraphTexts(document)).filter((c) => c.startsWith("Figur"));
    expect(charts.length).toBe(figures.length);
    expect(charts.length).toBeGreaterThanOrEqual(15);
    expect((document.match(/<wp:docPr [^>]*descr="(Stolpediagram|Stablet stolpediagram|Liggende stolpediagram)[,. (]/g) ?? []).length).toBe(charts.length);
  });

  it("validates against the Word XML schemas (document and every chart)", async () => {
    expect(schemaErrors(document, "microsoft/wml-2010.xsd")).toBe("");
    for (const name of docx.names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))) {
      expect(schemaErrors(await docx.read(name), "ISO-IEC29500-4_2016/dml-chart.xsd"), name).toBe("");
    }
  });

  it("opens in LibreOffice, whose PDF holds every seed table row and the commentary", () => {
    const missing = seedTableRows().filter((row) => !sequence(row.values).test(pdfFromWord));
    expect(missing).toEqual([]);
    expect(pdfFromWord).toMatch(/Bærum\s+hadde\s+93,3\s+prosent\s+undervisningspersonale/);
    expect(pdfFromWord).toMatch(/Side 3 av \d+/);
  });

  it("carries the same headings, captions and table values as the PDF", () => {
    const wordCaptions = captions(paragraphTexts(document));
    const pdfCaptions = captions(pdf.split("\n"));
    expect(wordCaptions.length).toBeGreaterThanOrEqual(40);
    expect(wordCaptions).toEqual(pdfCaptions);
    const headings = [...document.matchAll(/<w:pStyle w:val="Heading[12]"\/>[\s\S]*?<\/w:p>/g)].map((m) => paragraphTexts(m[0]).join(""));
    for (const heading of headings) expect(pdf).toContain(heading);
    // Every body row's value cells (not its label), in order, as the PDF prints them.
    const values = tableRowCells(document)
      .map((cells) => cells.slice(1).map(normalizeSpaces))
      .filter((cells) => cells.length > 0 && cells.every((c) => /^-?\d[\d ]*(,\d+)?( %)?$|^\.\.$/.test(c)));
    expect(values.length).toBeGreaterThanOrEqual(70);
    const missing = values.filter((v) => !sequence(v).test(pdf));
    expect(missing).toEqual([]);
  });
});
