import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { decimalsShown, formatFileSize, formatPlainNumber } from "../../src/format/norwegian.js";
import type { Block, DocumentModel } from "../../src/types/model.js";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { allValueRows, allValuesXlsx } from "../../src/render/web/allValues.js";
import { gridCsv } from "../../src/render/web/dataCsv.js";
import { gridXlsx, numberFormat } from "../../src/render/web/dataXlsx.js";
import { chartGrid, tableGrid, type DataGrid } from "../../src/render/web/exhibitData.js";
import { keyFigures } from "../../src/render/web/keyFigures.js";
import { REPO } from "../helpers/project.js";

/**
 * The downloads of the 2025 report: each XLSX opened by LibreOffice (a real
 * spreadsheet program) and saved as CSV with the cells' own values, which
 * must be the table's numbers; the cells are numbers with the page's format.
 */
let model: DocumentModel;
let grids: DataGrid[];
let dir: string;
const converted = new Map<string, string[][]>();

beforeAll(async () => {
  ({ model } = await buildModel(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 }));
  const blocks: Block[] = model.chapters.flatMap((chapter) => [...chapter.blocks]);
  grids = blocks.flatMap((block) => (block.type === "table" ? [tableGrid(block)] : block.type === "chart" ? [chartGrid(block)] : []));
  dir = mkdtempSync(join(tmpdir(), "kostra-xlsx-"));
  const files = await Promise.all(
    grids.map(async (grid) => {
      const file = join(dir, `${grid.id}.xlsx`);
      writeFileSync(file, await gridXlsx(grid));
      return file;
    }),
  );
  const all = join(dir, "alle-tall.xlsx");
  writeFileSync(all, await allValuesXlsx(allValueRows(grids.map((grid) => ({ grid, page: "kapittel/grunnskole.html" }))), model));
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    // Field separator ;, quote ", UTF-8, first line 1; token 9 false: the cells' values, not as shown.
    const result = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false', "--outdir", join(dir, "csv"), ...files, all],
      { encoding: "utf8", timeout: 300_000 },
    );
    if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const grid of grids) converted.set(grid.id, parse(readFileSync(join(dir, "csv", `${grid.id}.csv`), "utf8"), { delimiter: ";", relax_column_count: true, bom: true }));
  converted.set("alle-tall", parse(readFileSync(join(dir, "csv", "alle-tall.csv"), "utf8"), { delimiter: ";", relax_column_count: true, bom: true }));
}, 400_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the XLSX of each exhibit, opened in LibreOffice", () => {
  it("has the header row and the table's numbers", () => {
    expect(grids.length).toBe(44);
    for (const grid of grids) {
      const rows = converted.get(grid.id)!;
      expect(rows[0]).toEqual(grid.columns);
      grid.rows.forEach((row, r) => {
        expect(rows[r + 1]![0]).toBe(row.label);
        row.cells.forEach((cell, c) => {
          const read = rows[r + 1]![c + 1] ?? "";
          if (cell.number !== undefined) expect(Number(read), `${grid.id} ${row.label} ${grid.columns[c + 1]}`).toBe(cell.number);
          else expect(read).toBe(cell.text);
        });
      });
      // Below the data: the caption, the source and the notes.
      const below = rows.slice(grid.rows.length + 1).map((row) => row[0]).filter(Boolean);
      expect(below).toEqual([`${grid.label} ${grid.caption}`, grid.source, ...grid.notes]);
    }
  });

  it("holds numbers as numbers, formatted with the decimals and percent sign the page shows", async () => {
    const grid = grids.find((g) => g.id === "tabell-spesialundervisning-1-4")!;
    const zip = await JSZip.loadAsync(readFileSync(join(dir, `${grid.id}.xlsx`)));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(styles).toContain(`formatCode="${numberFormat(1, true).replace(/"/g, "&quot;")}"`);
    expect(numberFormat(1, true)).toBe('#,##0.0" %"');
    expect(numberFormat(0, false)).toBe("#,##0");
    // Row 2, column B: Bærum 2021, a number cell (no t="s"/"inlineStr").
    expect(sheet).toMatch(/<c r="B2"(?![^>]*\bt="(s|inlineStr|str)")[^>]*><v>4\.9<\/v><\/c>/);
  });

  it("the file of every value has each table cell with its provenance", () => {
    const rows = converted.get("alle-tall")!;
    expect(rows[0]).toEqual(["Figur/tabell", "Tittel", "Rad", "Kolonne", "Vist som", "Tall", "Indikator", "Regionkode", "År", "Kilde", "Publisering", "Oppdatert", "Side"]);
    const cells = grids.flatMap((grid) => grid.rows.flatMap((row) => row.cells.filter((cell) => cell.text !== "")));
    expect(rows.length - 1).toBe(cells.length);
    const bærum2024 = rows.find((row) => row[0]!.startsWith("Tabell") && row[1]!.startsWith("Netto driftsutgifter til grunnskolesektor") && row[2] === "Bærum" && row[3] === "2024")!;
    expect(bærum2024.slice(4, 10)).toEqual(["136,8", "136.8", "netto-driftsutgifter-grunnskolesektor-per-innbygger", "3201", "2024", "SSB/KOSTRA"]);
    expect(bærum2024[12]).toMatch(/^kapittel\/grunnskole\.html#tabell-netto-driftsutgifter$/);
  });
});

describe("the CSV of each exhibit", () => {
  it("is what Norwegian Excel opens: BOM, semicolons, decimal comma, no thousands separator, ASCII minus, SSB's symbols", () => {
    const grid: DataGrid = {
      id: "tabell-x",
      label: "Tabell 1",
      caption: "Prøve",
      source: "Kilde: SSB; egne beregninger",
      notes: ["..: Tallet finnes ikke i kilden."],
      columns: ["Region", "2024"],
      rows: [
        { label: "Bærum", cells: [{ text: "109 384,5", number: 109384.5, decimals: 1, percent: false }] },
        { label: "Asker", cells: [{ text: "−1 959", number: -1959, decimals: 0, percent: false }] },
        { label: "=SUM(A1)", cells: [{ text: "..", decimals: 0, percent: false }] },
      ],
    };
    expect(gridCsv(grid)).toBe('\uFEFFRegion;2024\r\nBærum;109384,5\r\nAsker;-1959\r\n\'=SUM(A1);..\r\n"Kilde: SSB; egne beregninger";\r\n..: Tallet finnes ikke i kilden.;\r\n');
  });

  it("formats plain numbers, decimals shown and file sizes through the one Norwegian formatter", () => {
    expect(formatPlainNumber(-1959.46, 1)).toBe("-1959,5");
    expect(formatPlainNumber(1.005, 2)).toBe("1,01");
    expect(decimalsShown("13,9 %")).toBe(1);
    expect(decimalsShown("109 384")).toBe(0);
    expect(formatFileSize(812)).toBe("812\u00a0byte");
    expect(formatFileSize(14_300)).toBe("14\u00a0kB");
    expect(formatFileSize(1_234_567)).toBe("1,2\u00a0MB");
  });
});

describe("the key figures of the front page", () => {
  it("are the newest values of the chapter's first tables over years, the municipality's row", () => {
    const figures = keyFigures(model.chapters[0]!);
    expect(figures.map((figure) => [figure.value, figure.context, figure.anchor])).toEqual([
      ["136,8", "Bærum, 2024", "tabell-netto-driftsutgifter"],
      ["13,9", "Bærum, 2024", "tabell-gruppestorrelse-1"],
      ["5,3\u00a0%", "Bærum, 2024", "tabell-spesialundervisning-1-4"],
      ["8,5\u00a0%", "Bærum, 2024", "tabell-spesialundervisning-5-7"],
    ]);
  });
});
