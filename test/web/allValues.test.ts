import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { allValueRows, allValuesColumns, allValuesCsv } from "../../src/render/web/allValues.js";
import { chartGrid, tableGrid } from "../../src/render/web/exhibitData.js";
import type { DocumentModel } from "../../src/types/model.js";
import { REPO } from "../helpers/project.js";

/** The file of every value (data/<name>-alle-tall.csv) of the 2025 report, built in-process. */
let model: DocumentModel;
let rows: string[][];
let columns: string[];

beforeAll(async () => {
  ({ model } = await buildModel(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 }));
  const grids = model.chapters.flatMap((chapter) =>
    chapter.blocks.flatMap((block) => (block.type === "table" ? [tableGrid(block)] : block.type === "chart" ? [chartGrid(block)] : [])).map((grid) => ({ grid, page: `kapittel/${chapter.id}.html` })),
  );
  columns = allValuesColumns();
  rows = (parse(allValuesCsv(allValueRows(grids)), { delimiter: ";", bom: true }) as string[][]).slice(1);
}, 120_000);

const column = (name: string) => {
  const i = columns.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return i;
};

describe("the file of every value", () => {
  it("writes the year as a whole number, never with the indicator's decimals", () => {
    const year = column("År");
    const years = rows.map((row) => row[year]!).filter(Boolean);
    expect(years.length).toBeGreaterThan(100);
    for (const value of years) expect(value).toMatch(/^\d{4}$/);
  });

  it("gives a chart's values their indicator, region and year, and the same source text as a table's", () => {
    const [indicator, region, year, source] = [column("Indikator"), column("Regionkode"), column("År"), column("Kilde")];
    const figures = rows.filter((row) => row[0]!.startsWith("Figur"));
    expect(figures.length).toBeGreaterThan(200);
    // Values drawn from the data (not an index the report computes) carry their origin.
    const number = column("Tall");
    const observed = figures.filter((row) => row[number] !== "" && !row[source]!.includes("egne beregninger"));
    expect(observed.length).toBeGreaterThan(200);
    for (const row of observed) {
      expect(row[indicator], row.join(";")).not.toBe("");
      expect(row[region], row.join(";")).not.toBe("");
      expect(row[year], row.join(";")).toMatch(/^\d{4}$/);
    }
    for (const row of rows) expect(row[source], row.join(";")).not.toMatch(/^Kilde:/);
    // The figure of netto driftsutgifter and its table say the same of each value: origin and source.
    const blocks = model.chapters.flatMap((c) => c.blocks);
    const labelOf = (id: string) => (blocks.find((b) => "id" in b && b.id === id) as { label: string }).label;
    const provenance = (label: string) =>
      rows
        .filter((row) => row[0] === label)
        .map((row) => row.slice(indicator, columns.length - 1).join(";"))
        .sort();
    const figure = provenance(labelOf("figur-netto-driftsutgifter"));
    expect(figure.length).toBe(12);
    expect(figure).toEqual(provenance(labelOf("tabell-netto-driftsutgifter")));
  });
});
