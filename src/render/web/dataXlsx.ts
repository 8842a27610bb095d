import type { Cell, Row, SheetData } from "write-excel-file/node";
import type { DataCell, DataGrid } from "./exhibitData.js";

/**
 * An exhibit as an Excel workbook (write-excel-file: write-only, on fflate):
 * a bold header row, numbers as numbers in the format the page shows them
 * (`# ##0,0` in a Norwegian Excel, `%` after a percentage), SSB's symbols as
 * right-aligned text, and below the data the caption, the source and the notes.
 */
export async function gridXlsx(grid: DataGrid): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const data: SheetData = [
    grid.columns.map((name, i): Cell => ({ value: name, fontWeight: "bold", ...(i > 0 ? { align: "right" } : {}) })),
    ...grid.rows.map((row): Row => [{ value: row.label }, ...row.cells.map(cellOf)]),
    [],
    [{ value: `${grid.label} ${grid.caption}` }],
    [{ value: grid.source }],
    ...grid.notes.map((note): Row => [{ value: note }]),
  ];
  const columns = grid.columns.map((name, i) => ({ width: i === 0 ? Math.min(60, Math.max(12, ...grid.rows.map((row) => row.label.length))) : Math.max(10, name.length + 2) }));
  const buffer = await writeXlsxFile(data, { sheet: sheetName(grid.label), columns, stickyRowsCount: 1 }).toBuffer();
  return new Uint8Array(buffer);
}

/** Excel's number format for a value as the page prints it: grouping, decimals, a percent sign. */
export function numberFormat(decimals: number, percent: boolean): string {
  return `#,##0${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}${percent ? '" %"' : ""}`;
}

function cellOf(cell: DataCell): Cell {
  if (cell.number !== undefined) return { value: cell.number, type: Number, format: numberFormat(cell.decimals, cell.percent) };
  return cell.text ? { value: cell.text, align: "right" } : null;
}

/** A sheet's name: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(label: string): string {
  return label.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Tall";
}
