import { formatPlainNumber } from "../../format/norwegian.js";
import type { DataCell, DataGrid } from "./exhibitData.js";

/**
 * CSV as Norwegian Excel opens it with a double click: UTF-8 with a byte-order
 * mark (else Excel reads Windows-1252 and prints "BÃ¦rum"), semicolons (the
 * list separator of a Norwegian Windows), decimal comma, no thousands
 * separator inside a number, and SSB's symbols (`..`, `:`) kept as text.
 * The header row comes first; source and notes follow below the data, each
 * in the first column, as in the table on the page.
 */
const BOM = "\uFEFF";
const SEPARATOR = ";";
const NEWLINE = "\r\n";

export function gridCsv(grid: DataGrid): string {
  const width = grid.columns.length;
  const line = (fields: readonly string[]) => fields.map(quoted).join(SEPARATOR);
  const padded = (text: string) => line([text, ...Array.from({ length: width - 1 }, () => "")]);
  const lines = [
    line(grid.columns),
    ...grid.rows.map((row) => line([text(row.label), ...row.cells.map(cellText)])),
    padded(grid.source),
    ...grid.notes.map(padded),
  ];
  return BOM + lines.join(NEWLINE) + NEWLINE;
}

/**
 * A table of any shape (the file of every value): the same conventions. Each
 * number has the decimals `decimals(row, column)` gives (a year: none).
 */
export function rowsCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
  decimals: (row: number, column: number) => number,
): string {
  const line = (fields: readonly string[]) => fields.map(quoted).join(SEPARATOR);
  const field = (value: string | number | undefined, row: number, column: number) =>
    typeof value === "number" ? formatPlainNumber(value, decimals(row, column)) : text(value ?? "");
  return BOM + [line(columns), ...rows.map((row, i) => line(row.map((value, column) => field(value, i, column))))].join(NEWLINE) + NEWLINE;
}

function cellText(cell: DataCell): string {
  return cell.number === undefined ? text(cell.text) : formatPlainNumber(cell.number, cell.decimals);
}

/**
 * A text Excel would run as a formula (`=`, `+`, `@`, or `-` before a
 * non-digit) gets a leading apostrophe, as Excel itself writes it; a number
 * is never text here, so `-1959` stays a number.
 */
function text(value: string): string {
  return /^[=+@\t\r]|^-\D/.test(value) ? `'${value}` : value;
}

/** Quoted when it holds the separator, a quote, a line break, or spaces at its ends. */
function quoted(field: string): string {
  return /[;"\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
