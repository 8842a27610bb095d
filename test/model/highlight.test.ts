import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatFinding } from "../../src/check/finding.js";
import { runChecks } from "../../src/check/runChecks.js";
import { referable } from "../../src/narrative/references.js";
import { buildModel, loadInputs, projectPaths } from "../../src/pipeline.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { renderDocx } from "../../src/render/docx/renderDocx.js";
import type { Block, TableBlock } from "../../src/types/model.js";
import { openDocx, tableRowCells } from "../helpers/docx.js";
import { scratchProject } from "../helpers/project.js";

/**
 * `kind: highlight`, the key-figure box: added as one module
 * (src/model/exhibits/highlight.ts) and one registry line, and shown in
 * every output through the table block the renderers already draw.
 */

const quiet = { log: () => {}, now: () => 0 };
let root: string;

/** A one-section document of the 2025 data with the exhibits given (YAML lines under `exhibits:`). */
function writeDefinition(exhibits: string): void {
  writeFileSync(
    join(root, "data", "2025", "report.yaml"),
    [
      "title: Nøkkeltall 2025",
      "organisation: Bærum kommune",
      'municipality: "3201"',
      'regions: ["3201", "3203", asss-med-oslo]',
      "average: asss-med-oslo",
      "years: [2023, 2024]",
      "toc: false",
      "chapters:",
      "  - id: tall",
      "    title: Grunnskolen i tall",
      "    sections:",
      "      - id: bokser",
      "        commentary: false",
      "        exhibits:",
      exhibits,
    ].join("\n"),
  );
}

const BOX = ["          - id: gruppestorrelse", "            kind: highlight", "            indicator: gruppestorrelse-1"].join("\n");

async function buildError(): Promise<{ id: string | undefined; text: string }> {
  try {
    await buildModel(projectPaths(root), 2025, quiet);
  } catch (error) {
    const e = error as { id?: string; format?: () => string };
    if (e.format) return { id: e.id, text: e.format() };
    throw error;
  }
  throw new Error("expected the build to stop");
}

beforeEach(() => {
  root = scratchProject();
  // The KOSTRA analyse's commentary names chapters this document does not have.
  rmSync(join(root, "data", "2025", "commentary"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("kind: highlight (a key-figure box)", () => {
  it("shows the municipality's value in the report year first, then the values it is compared with", async () => {
    writeDefinition(BOX);
    const { model } = await buildModel(projectPaths(root), 2025, quiet);
    const tables = model.chapters.flatMap((c) => c.blocks).filter((b: Block): b is TableBlock => b.type === "table");
    expect(tables).toHaveLength(1);
    const box = tables[0]!;
    expect(box).toMatchObject({ id: "tabell-gruppestorrelse", label: "Tabell 1", caption: "Gjennomsnittlig gruppestørrelse 1, 1.–10. årstrinn, 2024", source: "Kilde: SSB/KOSTRA" });
    expect(box.header).toEqual([[{ text: "Region" }, { text: "2024" }]]);
    // Seed 2024: Bærum 13,9, Asker 13,5, ASSS med Oslo 13,5.
    expect(box.rows.map((row) => ({ label: row.label, cells: row.cells.map(({ text, value }) => ({ text, value })) }))).toEqual([
      { label: "Bærum", cells: [{ text: "13,9", value: 13.9 }] },
      { label: "Asker", cells: [{ text: "13,5", value: 13.5 }] },
      { label: "ASSS med Oslo", cells: [{ text: "13,5", value: 13.5 }] },
    ]);
    expect(model.chapters.flatMap((c) => c.blocks).some((b) => b.type === "chart")).toBe(false);
  });

  it("takes a year, the regions to compare with, a title and a note", async () => {
    writeDefinition(`${BOX}\n            year: 2023\n            compare: [asss-med-oslo]\n            title: Elever per gruppe\n            note: Gruppestørrelse 1 regner alle lærertimer.`);
    const { model } = await buildModel(projectPaths(root), 2025, quiet);
    const box = model.chapters.flatMap((c) => c.blocks).find((b): b is TableBlock => b.type === "table")!;
    expect(box.caption).toBe("Elever per gruppe, 2023");
    expect(box.notes[0]).toBe("Gruppestørrelse 1 regner alle lærertimer.");
    expect(box.rows.map((r) => [r.label, r.cells[0]!.text])).toEqual([
      ["Bærum", "13,9"],
      ["ASSS med Oslo", "13,5"],
    ]);
  });

  it("is drawn in the HTML (and so the PDF) and in Word by the renderers' own table code", async () => {
    writeDefinition(BOX);
    const { model } = await buildModel(projectPaths(root), 2025, quiet);
    const html = loadHtmlTemplates(join(root, "templates"), root).render(model);
    expect(html).toMatch(/<table[^>]*>[\s\S]*Bærum[\s\S]*13,9[\s\S]*Asker[\s\S]*13,5[\s\S]*<\/table>/);
    expect(html).toContain("Gjennomsnittlig gruppestørrelse 1, 1.–10. årstrinn, 2024");
    const document = await (await openDocx(await renderDocx(model))).read("word/document.xml");
    const rows = tableRowCells(document);
    expect(rows).toContainEqual(["Region", "2024"]);
    expect(rows).toContainEqual(["Bærum", "13,9"]);
    expect(rows).toContainEqual(["ASSS med Oslo", "13,5"]);
  });

  it("is referred to as a table, never as a figure", async () => {
    writeDefinition(BOX);
    const { definition } = await loadInputs(projectPaths(root), 2025, quiet);
    expect(referable(definition, "tabell")).toEqual(["gruppestorrelse"]);
    expect(referable(definition, "figur")).toEqual([]);
  });

  it("a chart it would not draw is an error in report.yaml, in Norwegian", async () => {
    writeDefinition(`${BOX}\n            chart: true`);
    const error = await buildError();
    expect(error.id).toBe("config.schemaIssue");
    expect(error.text).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: figurtypen highlight tegner ingen figur: fjern «chart:» \(ved kapittel 1, avsnitt 1, figur 1, feltet «chart»\)/);
  });

  it("a year outside the report's years is an error at the year: line", async () => {
    writeDefinition(`${BOX}\n            year: 2019`);
    const error = await buildError();
    expect(error.id).toBe("model.highlightYearOutside");
    expect(error.text).toBe("data/2025/report.yaml:18:19: året 2019 er utenfor rapportens år (2023, 2024) (velg et av årene rapporten viser, eller fjern feltet for å vise det siste året)");
  });

  it("the same region twice in compare: is an error at compare:", async () => {
    writeDefinition(`${BOX}\n            compare: [asss-med-oslo, "3203", asss-med-oslo]`);
    const error = await buildError();
    expect(error.id).toBe("model.highlightCompareTwice");
    expect(error.text).toMatch(/^data\/2025\/report\.yaml:18:22: regionen «asss-med-oslo» står to ganger i «compare:»/);
  });

  it("an unknown region to compare with is named with its line and a suggestion", async () => {
    writeDefinition(`${BOX}\n            compare: [asss-med-olso]`);
    const error = await buildError();
    expect(error.id).toBe("config.unknownRegion");
    expect(error.text).toBe("data/2025/report.yaml:15:13: regionen «asss-med-olso» er ukjent (mente du «asss-med-oslo»?)");
  });

  it("the completeness check: a missing comparison value is a warning, the municipality's own an error", async () => {
    writeDefinition(`${BOX}\n            year: 2023\n            compare: [asss]`);
    const findings = runChecks(await loadInputs(projectPaths(root), 2025, quiet)).map(formatFinding);
    // The seed has no gruppestorrelse-1 for the ASSS average without Oslo.
    expect(findings).toContainEqual(expect.stringMatching(/^data\/2025\/report\.yaml:15:13: advarsel: «gruppestorrelse» mangler gruppestorrelse-1 for ASSS i 2023; tabellen viser «\.\.»/));
    writeDefinition(`          - id: utdanning\n            kind: highlight\n            indicator: sfo-antall-barn\n            year: 2023`);
    const broken = runChecks(await loadInputs(projectPaths(root), 2025, quiet)).map(formatFinding);
    const missing = broken.filter((f) => f.includes(": feil: "));
    expect(missing.length === 0 ? "no error" : missing[0]).toMatch(/report\.yaml:15:13: feil: «utdanning» kan ikke lages uten sfo-antall-barn for Bærum i 2023/);
  });
});
