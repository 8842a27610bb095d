import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { elements, pageContent, readPdfUa, type PageContent, type PdfUaFacts, type StructNode } from "../helpers/pdfua.js";
import { run, runReport, scratchProject, REPO } from "../helpers/project.js";

/**
 * The machine-checkable PDF/UA-1 (ISO 14289-1) rules, named by their
 * Matterhorn Protocol checkpoints, applied to the PDF the real command
 * prints: its structure tree, metadata and annotations read with pdf-lib,
 * its page content as pdfjs renders it (test/helpers/pdfua.ts).
 */
let pdf: string;
let facts: PdfUaFacts;
let content: PageContent[];
let headings: string[];
let status: number | null;

/** PDF 1.7 standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set([
  "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
  "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
  "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
  "Figure", "Formula", "Form",
]);

beforeAll(async () => {
  const root = scratchProject();
  status = runReport(["2025", "--root", root, "--format", "pdf"]).status;
  pdf = join(root, "output", "2025", "kostra-analyse-2025.pdf");
  const bytes = new Uint8Array(readFileSync(pdf));
  facts = await readPdfUa(bytes);
  content = await pageContent(bytes);
  const { model } = await buildModel(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 });
  headings = [model.title, "Innhold", ...model.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === "heading" ? [b.text] : [])))];
});

const all = () => [...elements(facts.tree)];
const ofType = (type: string) => all().filter((e) => e.node.type === type);
const texts = (node: StructNode): string[] => node.children.map((c) => c.type);

describe("PDF/UA-1 (Matterhorn) on npm run report -- 2025", () => {
  it("prints", () => expect(status).toBe(0));

  it("13-004: every Figure has an alternative description; the Figures are the charts, none in a table", () => {
    const figures = ofType("Figure");
    expect(figures.length).toBe(21);
    expect(figures.filter((f) => f.ancestors.includes("Table"))).toEqual([]);
    expect(figures.filter((f) => !f.node.alt?.trim()).map((f) => f.ancestors.join(">"))).toEqual([]);
  });

  it("13-004: a chart is one Figure (with Alt) beside its Caption; no Table sits inside a Figure", () => {
    expect(ofType("Table").filter((t) => t.ancestors.includes("Figure"))).toEqual([]);
    expect(ofType("Figure").filter((f) => f.ancestors.includes("Figure"))).toEqual([]);
    const charts = all().filter((e) => e.node.children.some((c) => c.type === "Figure" && c.alt?.startsWith("Stolpediagram")));
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const chart of charts) expect(texts(chart.node)[0]).toBe("Caption");
    for (const table of ofType("Table")) expect(texts(table.node)).toContain("Caption");
  });

  it("06-001/06-002/06-003: XMP metadata with dc:title and pdfuaid:part 1", () => {
    expect(facts.xmp).toBeDefined();
    expect(facts.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(facts.xmp).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">KOSTRA analyse 2025<\/rdf:li>/);
    expect(run("pdfinfo", [pdf])).toMatch(/^Metadata Stream:\s+yes$/m);
  });

  it("07-001: the viewer shows the title (DisplayDocTitle), 11-001: the language is nb", () => {
    expect(facts.displayDocTitle).toBe(true);
    expect(facts.lang).toBe("nb");
  });

  it("01-005: no content is neither tagged nor an artifact; running header and page numbers are artifacts", () => {
    expect(content.filter((p) => p.untaggedText.length > 0 || p.untaggedPaints > 0).map((p) => ({ page: p.page, text: p.untaggedText, paints: p.untaggedPaints }))).toEqual([]);
    const total = content.length;
    for (const page of content.slice(1)) {
      expect(page.artifactText.join(" "), `page ${page.page}`).toMatch(new RegExp(`^KOSTRA analyse 2025.* Side ${page.page} av ${total}$`));
    }
  });

  it("01-006/02-001: every structure type is standard or role-mapped to a standard type", () => {
    const types = new Set(all().map((e) => e.node.type));
    const unmapped = [...types].filter((t) => !STANDARD.has(t) && !STANDARD.has(facts.roleMap.get(t) ?? ""));
    expect(unmapped).toEqual([]);
  });

  it("09-005: a list item holds Lbl and/or LBody, the TOC's links in LBody", () => {
    const items = ofType("LI");
    expect(items.length).toBeGreaterThanOrEqual(11);
    for (const item of items) {
      expect(texts(item.node).every((t) => t === "Lbl" || t === "LBody"), texts(item.node).join("+")).toBe(true);
      expect(texts(item.node)).toContain("LBody");
    }
    const toc = items.filter((i) => i.node.children.some((c) => c.type === "LBody" && c.children.some((l) => l.type === "Link")));
    expect(toc).toHaveLength(11);
  });

  it("14-002/14-003: headings start at H1 and never skip a level", () => {
    const levels = all().flatMap((e) => (/^H[1-6]$/.test(e.node.type) ? [Number(e.node.type[1])] : []));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
  });

  it("15-003: every table header cell has a scope", () => {
    const headers = ofType("TH");
    expect(headers.length).toBeGreaterThan(40);
    expect(headers.filter((h) => h.node.scope === undefined)).toEqual([]);
  });

  it("28-008/28-009: every page orders its tabs by structure (/Tabs /S)", () => {
    expect(facts.pages.map((p) => p.tabs)).toEqual(facts.pages.map(() => "S"));
  });

  it("28-011/28-012: every Link annotation sits in a Link element and has /Contents", () => {
    const links = facts.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === "Link");
    expect(links.length).toBeGreaterThanOrEqual(11);
    expect(links.filter((l) => !l.contents?.trim())).toEqual([]);
    const inLinkElements = new Set(ofType("Link").flatMap((l) => l.node.annotations));
    expect(links.filter((l) => !inLinkElements.has(l.object))).toEqual([]);
    expect(links.map((l) => l.contents)).toContain("Dekningsgrader");
  });

  it("bookmarks equal the headings, none doubled (issue 10, item 28)", () => {
    expect(facts.outline.map((o) => o.title)).toEqual(headings);
    expect(facts.outline.filter((o) => /^(.+)\1$/.test(o.title))).toEqual([]);
  });

  it("a missing value ('..') is text in its cell, expanded (/E) with the footnote's words (issue 19)", () => {
    const expanded = all().filter((e) => e.node.expansion !== undefined);
    expect(expanded.length).toBe(7);
    for (const cell of expanded) {
      expect(cell.node.expansion).toBe("Tallet finnes ikke i kilden.");
      expect(cell.ancestors).toContain("TD");
    }
  });
});
