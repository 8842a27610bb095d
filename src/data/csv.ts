import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { zodIssueMap } from "../messages/zodIssues.js";
import { readTextFile } from "./readText.js";

/** A validated CSV row together with the line it came from, for later messages. */
export interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly line: number;
}

export interface CsvOptions {
  readonly requiredColumns: readonly string[];
  /**
   * Columns that hold numbers. In a file saved by Norwegian Excel (semicolons)
   * they are written with a decimal comma and maybe a space per thousand;
   * they are read as the same numbers as "13.9" in a comma-separated file.
   */
  readonly numberColumns?: readonly string[];
}

/**
 * Reads a CSV file with a header row and validates every row with `schema`.
 * Both the machine format (commas, decimal points) and what Norwegian Excel
 * saves (semicolons, decimal commas) are accepted: the header line decides
 * which. The first problem stops the build with `file:line:column` and what
 * was expected, so an analyst can go straight to the cell.
 */
export function readCsv<S extends z.ZodTypeAny>(file: string, displayPath: string, schema: S, options: CsvOptions): Located<z.output<S>>[] {
  const text = readTextFile(file, displayPath);
  const delimiter = delimiterOf(firstLine(text));
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, info: true, relax_column_count: false }) as typeof records;
  } catch (error) {
    throw malformed(error, text, delimiter, displayPath);
  }

  const header = splitHeader(firstLine(text), delimiter);
  for (const column of options.requiredColumns) {
    if (!header.includes(column)) {
      const tabSeparated = delimiter === "," && firstLine(text).includes("\t");
      throw new ReportError(msg.data.missingColumn(column, options.requiredColumns, tabSeparated), { location: { file: displayPath, line: 1 } });
    }
  }

  return records.map(({ record, info }) => {
    const row = delimiter === ";" ? withDecimalPoints(record, options.numberColumns ?? []) : record;
    const result = schema.safeParse(row, { errorMap: zodIssueMap });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const columnName = String(issue.path[0] ?? "");
      const columnIndex = header.indexOf(columnName);
      const got = record[columnName];
      throw new ReportError(msg.data.badCell(issue.message, columnName, got), {
        location: { file: displayPath, line: info.lines, ...(columnIndex >= 0 ? { column: columnIndex + 1 } : {}) },
      });
    }
    return { value: result.data as z.output<S>, file: displayPath, line: info.lines };
  });
}

/** Semicolons in the header (and no commas outside quotes) mean a file saved by Norwegian Excel. */
export function delimiterOf(header: string): "," | ";" {
  const unquoted = header.replace(/"[^"]*"/g, "");
  return unquoted.includes(";") && !unquoted.includes(",") ? ";" : ",";
}

/** "13,9" → "13.9", "109 384" → "109384" in number columns; anything else is left for the schema to judge. */
function withDecimalPoints(record: Record<string, string>, columns: readonly string[]): Record<string, string> {
  const out = { ...record };
  for (const column of columns) {
    const value = out[column];
    if (value !== undefined && /^[-−]?\d{1,3}([ \u00a0]\d{3})*(,\d+)?$|^[-−]?\d+(,\d+)?$/.test(value)) {
      out[column] = value.replace(/[ \u00a0]/g, "").replace(",", ".").replace("−", "-");
    }
  }
  return out;
}

function malformed(error: unknown, text: string, delimiter: string, displayPath: string): ReportError {
  const lines = (error as { lines?: number }).lines;
  const found = (error as { record?: unknown[] }).record?.length;
  const expected = splitHeader(firstLine(text), delimiter).length;
  const rowText = lines !== undefined ? (text.split(/\r?\n/)[lines - 1] ?? "") : "";
  const reason = found !== undefined ? msg.data.fieldCount(found, expected).text : firstSentence(error);
  const decimalComma = delimiter === "," && /\d,\d/.test(rowText) && found !== undefined && found > expected;
  return new ReportError(msg.data.malformed(reason, decimalComma, delimiter === ";" ? "semicolon" : "comma"), {
    location: { file: displayPath, ...(lines !== undefined ? { line: lines } : {}) },
    cause: error,
  });
}

function firstSentence(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
}

function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, "");
}
