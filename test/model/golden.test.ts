import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import type { Block, DocumentModel } from "../../src/types/model.js";
import { expectGolden, expectGoldenFiles } from "../helpers/golden.js";
import { htmlGoldenFiles, modelGoldenFiles } from "../helpers/goldenSplit.js";
import { REPO } from "../helpers/project.js";

let model: DocumentModel;
const blocks = () => model.chapters.flatMap((c) => c.blocks);
const chart = (id: string) => blocks().find((b): b is Extract<Block, { type: "chart" }> => b.type === "chart" && b.id === id)!;

beforeAll(async () => {
  ({ model } = await buildModel(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 }));
});

describe("document model of KOSTRA analyse 2025", () => {
  it("matches the golden model (SVGs stood in for by their hash; they have golden files of their own)", () => {
    expectGoldenFiles(modelGoldenFiles(model), { owned: ["model"] });
  });

  it("numbers figures and tables in reading order, each with a source line", () => {
    const numbered = blocks().filter((b) => b.type === "chart" || b.type === "table");
    const figures = numbered.filter((b) => b.type === "chart").map((b) => b.number);
    const tables = numbered.filter((b) => b.type === "table").map((b) => b.number);
    expect(figures).toEqual(figures.map((_, i) => i + 1));
    expect(tables).toEqual(tables.map((_, i) => i + 1));
    for (const b of numbered) expect(b.source).toMatch(/^Kilde: /);
  });

  it("every chart has an alt text generated from its data", () => {
    const charts = blocks().filter((b) => b.type === "chart");
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const c of charts) {
      expect(c.altText.length).toBeGreaterThan(40);
      expect(c.svg).toContain(`aria-label="${c.altText.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`);
    }
    // Every value, region by region (the 2022 dip is heard); the caption, read just before, is not repeated (issue 19).
    expect(chart("figur-netto-driftsutgifter").altText).toBe(
      "Stolpediagram, 2021–2024. " +
        "Bærum – 2021: 133,8; 2022: 131,6; 2023: 135,9; 2024: 136,8. " +
        "Asker – 2021: 136,3; 2022: 136,6; 2023: 141,4; 2024: 143,0. " +
        "ASSS med Oslo – 2021: 148,2; 2022: 148,6; 2023: 156,4; 2024: 154,1.",
    );
  });

  it("the tjenesteprofil is computed from the comparison data (value ÷ ASSS × 100)", () => {
    const profile = chart("figur-tjenesteprofil").data;
    const i = profile.categories.indexOf("Gruppestørrelse 1");
    // Seed 2024: Bærum 13,9, ASSS med Oslo 13,5.
    expect(profile.series[0]!.values[i]).toBeCloseTo((13.9 / 13.5) * 100, 10);
  });

  it("chart SVGs match their golden files", () => {
    for (const id of ["figur-tjenesteprofil", "figur-spesialundervisning-1-4", "figur-vedtakskategorier"]) {
      expectGolden(`charts/${id}.svg`, `${chart(id).svg}\n`);
    }
  });

  it("HTML matches the golden file (its structure: the stylesheet and embedded font are templates/report.css and the font package)", () => {
    const templates = loadHtmlTemplates(`${REPO}/templates`, REPO);
    const html = templates.render(model, new Map(model.toc.map((t, i) => [t.id, i + 3])));
    const css = readFileSync(`${REPO}/templates/report.css`, "utf8");
    expect(html).toContain(css);
    expect(html).toMatch(/@font-face \{ font-family: "Source Sans 3"; [^}]*src: url\(data:font\/woff;base64,/);
    const structure = html.replace(css, "/* templates/report.css */").replace(/@font-face \{[^}]*\}/g, "@font-face {…}");
    expectGoldenFiles(htmlGoldenFiles(structure), { owned: ["html"] });
  });
});
