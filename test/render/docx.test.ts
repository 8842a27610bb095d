import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/renderDocx.js";
import type { DocumentModel } from "../../src/types/model.js";
import { openDocx, paragraphTexts, schemaErrors, tableRowTexts } from "../helpers/docx.js";

/** A small model with one of each block, to see exactly what the Word renderer writes. */
const model: DocumentModel = {
  lang: "nb",
  title: "Testrapport 2025",
  subtitle: "Et lite eksempel",
  organisation: "Testkommune",
  year: 2025,
  toc: [
    { id: "kapittel-a", level: 1, text: "Kapittel A" },
    { id: "a-del", level: 2, text: "Del én" },
  ],
  chapters: [
    {
      id: "a",
      title: "Kapittel A",
      blocks: [
        { type: "heading", level: 1, id: "kapittel-a", text: "Kapittel A", toc: true },
        { type: "heading", level: 2, id: "a-del", text: "Del én", toc: true },
        { type: "paragraph", children: [{ type: "text", text: "Vanlig " }, { type: "strong", children: [{ type: "text", text: "fet" }] }] },
        { type: "list", ordered: false, items: [{ children: [{ type: "text", text: "Punkt" }] }] },
        {
          type: "table",
          id: "tabell-x",
          label: "Tabell 1",
          number: 1,
          caption: "Elever per skole",
          source: "Kilde: SSB/KOSTRA",
          notes: [],
          header: [[{ text: "" }, { text: "2023" }, { text: "2024" }]],
          rows: [{ label: "Bærum", cells: [{ text: "1\u00a0234", value: 1234 }, { text: "5,5\u00a0%", value: 5.5 }] }],
        },
        {
          type: "chart",
          id: "figur-x",
          label: "Figur 1",
          number: 1,
          caption: "Elever per skole",
          source: "Kilde: SSB/KOSTRA",
          notes: [],
          altText: "Stolpediagram: elever per skole. 2024: Bærum 379.",
          data: {
            layout: "grouped",
            categories: ["2023", "2024"],
            series: [{ key: "3201", name: "Bærum", color: "#0072B2", values: [382, 379] }],
            axisTitle: "Elever",
            percent: false,
            decimals: 0,
          },
          svg: "<svg/>",
          width: 600,
          height: 300,
        },
      ],
    },
  ],
};

describe("Word renderer", async () => {
  const docx = await openDocx(await renderDocx(model));
  const document = await docx.read("word/document.xml");

  it("writes headings with Word's Heading styles and paragraphs with their marks", () => {
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t[^>]*>Kapittel A<\/w:t>/);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<w:t[^>]*>Del én<\/w:t>/);
    expect(document).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>fet<\/w:t>/);
    expect(document).toContain("<w:numPr>");
  });

  it("fills the table of contents with the headings (no empty TOC, no update prompt)", () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)?.[0] ?? "";
    expect(toc).toContain("TOC \\");
    const entries = paragraphTexts(toc).filter((t) => t.trim());
    expect(entries).toEqual([expect.stringMatching(/^Kapittel A\s*\d+$/), expect.stringMatching(/^Del én\s*\d+$/)]);
    expect(document).not.toContain('w:dirty="true"');
  });

  it("writes the table with caption, repeating header row, rows that do not split and right-aligned numbers", () => {
    expect(paragraphTexts(document)).toContain("Tabell 1 Elever per skole");
    expect(document).toContain("<w:tblHeader/>");
    expect(document).toContain("<w:cantSplit/>");
    expect(tableRowTexts(document)).toEqual([" 2023 2024", "Bærum 1\u00a0234 5,5\u00a0%"]);
    expect(document).toMatch(/<w:jc w:val="right"\/>[\s\S]*?<w:t[^>]*>1\u00a0234<\/w:t>/);
  });

  it("writes the chart as a native Word chart with the model's alt text, caption and colours", async () => {
    expect(docx.names).toContain("word/charts/chart1.xml");
    const chart = await docx.read("word/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<a:srgbClr val="0072B2"/>');
    expect(chart).toMatch(/<c:v>382<\/c:v>[\s\S]*<c:v>379<\/c:v>/);
    expect(document).toContain('descr="Stolpediagram: elever per skole. 2024: Bærum 379."');
    expect(paragraphTexts(document)).toContain("Figur 1 Elever per skole");
  });

  it("sets Norwegian bokmål, A4 and the PDF's margins, and embeds the pinned font", async () => {
    expect(await docx.read("word/styles.xml")).toContain('<w:lang w:val="nb-NO"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1361" w:right="1134" w:bottom="1247" w:left="1247"/);
    expect(await docx.read("word/fontTable.xml")).toMatch(/w:name="Source Sans 3"[\s\S]*<w:embedRegular/);
  });

  it("writes parts that validate against the Word XML schemas", async () => {
    expect(schemaErrors(document, "microsoft/wml-2010.xsd")).toBe("");
    expect(schemaErrors(await docx.read("word/styles.xml"), "microsoft/wml-2010.xsd")).toBe("");
    expect(schemaErrors(await docx.read("word/charts/chart1.xml"), "ISO-IEC29500-4_2016/dml-chart.xsd")).toBe("");
  });

  it("starts every numbered list at 1, as the PDF does: each list its own numbering instance, not one count through the document", async () => {
    const lists: DocumentModel = {
      ...model,
      chapters: [
        { id: "a", title: "A", blocks: [{ type: "list", ordered: true, items: [{ children: [{ type: "text", text: "A1" }] }, { children: [{ type: "text", text: "A2" }] }] }] },
        { id: "b", title: "B", blocks: [{ type: "list", ordered: true, items: [{ children: [{ type: "text", text: "B1" }] }] }, { type: "list", ordered: true, items: [{ children: [{ type: "text", text: "C1" }] }] }] },
      ],
    };
    const parts = await openDocx(await renderDocx(lists));
    const xml = await parts.read("word/document.xml");
    const numIdOf = (text: string) => new RegExp(`<w:numId w:val="(\\d+)"/>(?:(?!</w:p>)[\\s\\S])*?>${text}<`).exec(xml)?.[1];
    const [a1, a2, b1, c1] = ["A1", "A2", "B1", "C1"].map(numIdOf);
    expect(a1).toBeDefined();
    expect(a2).toBe(a1);
    expect(new Set([a1, b1, c1]).size).toBe(3);
    // Each instance points to the same numbered definition and restarts it at 1.
    const numbering = await parts.read("word/numbering.xml");
    for (const id of [a1, b1, c1]) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"[^>]*>\\s*<w:abstractNumId w:val="\\d+"/>\\s*<w:lvlOverride w:ilvl="0">\\s*<w:startOverride w:val="1"/>`));
    }
  });
});
