import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDocx, paragraphTexts, type DocxParts } from "../helpers/docx.js";
import { runReport, scratchProject } from "../helpers/project.js";

/**
 * The rules of Word's Accessibility Checker that can be read from the file,
 * on the .docx the real command writes: alt text on every drawing, a header
 * row in every table, headings as heading styles in order, a title, and the
 * language (nb-NO) in the text and in every chart.
 */
let docx: DocxParts;
let document: string;
let styles: string;
let status: number | null;

beforeAll(async () => {
  const root = scratchProject();
  status = runReport(["2025", "--root", root, "--format", "docx"]).status;
  docx = await openDocx(readFileSync(join(root, "output", "2025", "kostra-analyse-2025.docx")));
  document = await docx.read("word/document.xml");
  styles = await docx.read("word/styles.xml");
});

const charts = () => docx.names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
const attribute = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe("Word accessibility (npm run report -- 2025 --format docx)", () => {
  it("is written", () => expect(status).toBe(0));

  it("gives every drawing a description (alt text)", () => {
    const drawings = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(drawings.length).toBe(charts().length);
    expect(drawings.length).toBeGreaterThanOrEqual(15);
    for (const drawing of drawings) expect(attribute(drawing, "descr")?.length ?? 0, drawing).toBeGreaterThan(40);
  });

  it("gives every table a header row that repeats", () => {
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const table of tables) {
      const firstRow = /<w:tr[ >][\s\S]*?<\/w:tr>/.exec(table)![0];
      expect(firstRow).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
      // The stub column has a header too (never an empty header cell in a one-row header).
      expect(paragraphTexts(firstRow).join("").trim().length).toBeGreaterThan(0);
    }
  });

  it("marks every heading with a heading style, levels in order; 'Innhold' is Word's TOC Heading, not an outline heading", () => {
    const level: Record<string, number> = { Heading1: 1, Heading2: 2, Heading3: 3 };
    const headings = [...document.matchAll(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Heading[1-3])"\/>[\s\S]*?<\/w:p>/g)].map((m) => ({
      level: level[m[1]!]!,
      text: paragraphTexts(m[0]).join(""),
    }));
    expect(headings[0]!.level).toBe(1);
    headings.forEach((h, i) => {
      if (i > 0) expect(h.level, h.text).toBeLessThanOrEqual(headings[i - 1]!.level + 1);
    });
    expect(paragraphTexts(document).filter((t) => t === "Innhold")).toHaveLength(1);
    expect(document).toMatch(/<w:pStyle w:val="TOCHeading"\/>(?:(?!<\/w:p>)[\s\S])*?Innhold/);
    // The style is Word's own TOC Heading: body text in the outline (level 9), as Word writes it (issue 19).
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"\/>[\s\S]*?<w:outlineLvl w:val="9"\/>/);
  });

  it("has the title in its properties (dc:title)", async () => {
    expect(await docx.read("docProps/core.xml")).toContain("<dc:title>KOSTRA analyse 2025</dc:title>");
  });

  it("is in Norwegian bokmål: the document default and every chart part", async () => {
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]).toMatch(/<w:lang w:val="nb-NO"\/>/);
    expect(document).not.toMatch(/<w:lang w:val="(?!nb-NO)/);
    expect(charts().length).toBeGreaterThanOrEqual(15);
    for (const name of charts()) {
      const xml = await docx.read(name);
      expect(xml, name).toContain('<c:lang val="nb-NO"/>');
      expect(xml, name).not.toContain("en-US");
    }
  });
});
