/**
 * Reads SSB's CSV download into the same typed cells as the JSON-stat reader.
 *
 * Accepts: semicolon-separated, optional title line(s) before the header
 * ("12134: Utvalgte nøkkeltall …"), a quoted header in the long or wide layout
 * (csvLayout.ts), decimal comma (a decimal point is also read), SSB's symbols
 * instead of numbers (symbols.ts), Windows-1252 or UTF-8 with or without BOM
 * (decodeText.ts). The region code comes from the label ("3201 Bærum" → 3201);
 * the variable is known by its label only, so `contents` and `contentsLabel`
 * are both the label and the caller maps labels to ContentsCodes. Other
 * dimension columns keep the code when the text starts with one ("202 Grunnskole"
 * → "202"), else the text.
 */
import { parse } from "csv-parse/sync";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { KNOWN_LAYOUTS, detectLayout, type CsvLayout } from "./csvLayout.js";
import { tableFromLabel, type SsbCell, type SsbDataset } from "./dataset.js";
import { decodeSsbText } from "./decodeText.js";
import { parseCsvCell } from "./symbols.js";

export interface CsvParseOptions {
  /** Table number to use when neither the title nor the header names one. */
  readonly table?: string;
}

interface Row {
  readonly fields: readonly string[];
  readonly line: number;
}

export function parseSsbCsv(input: Uint8Array | string, file: string, options: CsvParseOptions = {}): SsbDataset {
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodeSsbText(input).text;
  const rows = readRows(text, file);
  const headerAt = rows.findIndex((row) => row.fields.length >= 2);
  const titles = rows.slice(0, Math.max(headerAt, 0)).map((row) => row.fields.join(";").trim());
  const header = rows[headerAt];
  const layout = header ? detectLayout(header.fields) : undefined;
  if (!header || !layout) {
    const shown = header ? header.fields.map((h) => `"${h}"`).join(";").slice(0, 200) : undefined;
    throw new ReportError(msg.importing.unknownCsvLayout(shown, KNOWN_LAYOUTS), { location: { file, ...(header ? { line: header.line } : {}) } });
  }
  const valueHeader = layout.kind === "csv-long" ? header.fields[layout.value]!.trim() : undefined;
  const label = titles[0] ?? valueHeader ?? "";
  const table = tableFromLabel(label) ?? (valueHeader !== undefined ? tableFromLabel(valueHeader) : undefined) ?? options.table;
  if (table === undefined) {
    throw new ReportError(msg.importing.csvNoTable(), { location: { file, line: 1 } });
  }
  const after = rows.slice(headerAt + 1);
  // One-field lines after the data are footnotes ("Kilde: …"), kept as notes.
  let end = after.length;
  while (end > 0 && after[end - 1]!.fields.length === 1) end--;
  const data = after.slice(0, end);
  const notes = after.slice(end).map((row) => row.fields[0]!.trim()).filter((note) => note !== "");
  for (const row of data) {
    if (row.fields.length !== header.fields.length) {
      throw new ReportError(msg.importing.csvFieldCount(row.fields.length, header.fields.length), { location: { file, line: row.line } });
    }
  }
  return {
    file,
    format: layout.kind,
    table,
    label,
    updated: undefined,
    source: undefined,
    notes,
    cells: data.flatMap((row) => rowCells(row, header.fields, layout, valueHeader, file)),
  };
}

function readRows(text: string, file: string): Row[] {
  const lines: number[] = [];
  try {
    const records = parse(text, {
      delimiter: ";",
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
    const rows = records.map((fields, i) => ({ fields, line: lines[i]! }));
    // A trailing ";" on every line gives an empty last column; drop it.
    if (rows.length > 0 && rows.every((row) => row.fields.length < 2 || row.fields.at(-1) === "")) {
      return rows.map((row) => (row.fields.length < 2 ? row : { ...row, fields: row.fields.slice(0, -1) }));
    }
    return rows;
  } catch (error) {
    throw new ReportError(msg.importing.malformedCsv(error instanceof Error ? error.message : String(error)), { location: { file }, cause: error });
  }
}

function rowCells(row: Row, header: readonly string[], layout: CsvLayout, valueHeader: string | undefined, file: string): SsbCell[] {
  const at = (column: number) => ({ file, line: row.line, column: column + 1 });
  const regionText = row.fields[layout.region]!.trim();
  const region = splitCode(regionText) ?? (isCode(regionText) ? { code: regionText, label: regionText } : undefined);
  if (!region) {
    throw new ReportError(msg.importing.csvRegionWithoutCode(regionText), { location: at(layout.region) });
  }
  const dimensions: Record<string, string> = {};
  for (const column of layout.dimensions) {
    const text = row.fields[column]!.trim();
    dimensions[header[column]!.trim()] = splitCode(text)?.code ?? text;
  }
  const base = { region: region.code, regionLabel: region.label, dimensions };

  const cell = (column: number, contents: string, year: number): SsbCell => {
    const parsed = parseCsvCell(row.fields[column]!);
    if (!parsed) {
      throw new ReportError(msg.importing.csvNotNumber(row.fields[column] ?? ""), { location: at(column) });
    }
    return { contents, contentsLabel: contents, year, ...base, ...parsed };
  };

  const contentsInRow = (column: number | undefined) => (column !== undefined ? row.fields[column]!.trim() : undefined);
  if (layout.kind === "csv-wide") return layout.values.map((v) => cell(v.column, v.contents ?? contentsInRow(layout.contents) ?? "", v.year));
  const yearText = row.fields[layout.time]!.trim();
  if (!/^\d{4}$/.test(yearText)) {
    throw new ReportError(msg.importing.csvNotYear(yearText), { location: at(layout.time) });
  }
  const contents = contentsInRow(layout.contents) ?? (valueHeader ?? "").replace(/^\d{5}:\s*/, "");
  return [cell(layout.value, contents, Number(yearText))];
}

/** "3201 Bærum" → { code: "3201", label: "Bærum" }; "Bærum" → undefined. */
export function splitCode(text: string): { code: string; label: string } | undefined {
  const match = /^(\S+)\s+(?:-\s+)?(\S.*)$/.exec(text.trim());
  return match && isCode(match[1]!) ? { code: match[1]!, label: match[2]! } : undefined;
}

/** SSB codes: digits ("3201", "0"), or capitals with a digit or at least two letters ("EAKUO", "EKG13", "AG2"). */
function isCode(token: string): boolean {
  return /^[0-9A-Z]+$/.test(token) && (/\d/.test(token) || token.length >= 2);
}
