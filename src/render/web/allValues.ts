import type { Cell, Row, SheetData } from "write-excel-file/node";
import { msg } from "../../messages/catalogue.js";
import type { DocumentModel } from "../../types/model.js";
import { rowsCsv } from "./dataCsv.js";
import { numberFormat } from "./dataXlsx.js";
import type { DataGrid } from "./exhibitData.js";

/** One value the report shows, where it stands, and where it came from. */
interface ValueRow {
  readonly fields: readonly (string | number | undefined)[];
  readonly decimals: number;
  readonly percent: boolean;
}

/** The columns of the file of every value, in order; `Tall` (the number) is the sixth. */
const NUMBER_COLUMN = 5;

/**
 * Every value the report shows, in one file (CSV and XLSX): each table cell
 * and each value a chart draws, with the exhibit and page it stands on, and
 * its provenance: indicator, region and year, the source, whether the figure
 * is SSB's preliminary or final one, and when the source updated it. A value
 * the report computes (an index, a share) has the exhibit's source line
 * ("… egne beregninger") and no observation of its own.
 */
export function allValueRows(grids: readonly { readonly grid: DataGrid; readonly page: string }[]): ValueRow[] {
  return grids.flatMap(({ grid, page }) =>
    grid.rows.flatMap((row) =>
      row.cells.flatMap((cell, i): ValueRow[] => {
        if (!cell.text) return [];
        const origin = cell.origin;
        return [
          {
            fields: [
              grid.label,
              grid.caption,
              row.label,
              grid.columns[i + 1]!,
              cell.text,
              cell.number,
              origin?.indicator ?? "",
              origin?.region ?? "",
              origin?.year ?? "",
              origin?.source ?? sourceText(grid.source),
              origin?.release ?? "",
              origin?.updated ?? "",
              `${page}#${grid.id}`,
            ],
            decimals: cell.decimals,
            percent: cell.percent,
          },
        ];
      }),
    ),
  );
}

/** "Kilde: SSB/KOSTRA, egne beregninger" → "SSB/KOSTRA, egne beregninger": the column is already named Kilde, as for an observed value. */
function sourceText(line: string): string {
  return line.replace(/^Kilde:\s*/, "");
}

export function allValuesColumns(): string[] {
  return msg.web.allValuesColumns().text.split("|");
}

export function allValuesCsv(rows: readonly ValueRow[]): string {
  // Only the value has the exhibit's decimals; a year or any other number is whole.
  return rowsCsv(allValuesColumns(), rows.map((row) => row.fields), (i, column) => (column === NUMBER_COLUMN ? rows[i]!.decimals : 0));
}

export async function allValuesXlsx(rows: readonly ValueRow[], model: DocumentModel): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const header: Row = allValuesColumns().map((name): Cell => ({ value: name, fontWeight: "bold" }));
  const data: SheetData = [
    header,
    ...rows.map((row): Row =>
      row.fields.map((value, i): Cell => {
        if (value === undefined || value === "") return null;
        if (typeof value === "number") return i === NUMBER_COLUMN ? { value, type: Number, format: numberFormat(row.decimals, row.percent) } : { value, type: Number };
        return { value };
      }),
    ),
  ];
  const about: SheetData = [
    [{ value: model.title, fontWeight: "bold" }],
    ...(model.subtitle ? [[{ value: model.subtitle }]] : []),
    [{ value: model.organisation }],
    ...(model.published ? [[{ value: model.published }]] : []),
    [],
    ...msg.web.allValuesAbout().text.split("\n").map((line): Row => [{ value: line }]),
  ];
  const widths = [12, 40, 30, 20, 12, 10, 24, 10, 6, 30, 12, 22, 40].map((width) => ({ width }));
  const buffer = await writeXlsxFile(
    [
      { data, sheet: msg.web.allValuesSheet().text, columns: widths, stickyRowsCount: 1 },
      { data: about, sheet: msg.web.aboutSheet().text, columns: [{ width: 100 }] },
    ],
    {},
  ).toBuffer();
  return new Uint8Array(buffer);
}
