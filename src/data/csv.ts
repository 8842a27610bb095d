import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { ReportError } from "../errors.js";

/** A validated CSV row together with the line it came from, for later messages. */
export interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly line: number;
}

/**
 * Reads a CSV file with a header row and validates every row with `schema`.
 * The first problem stops the build with `file:line:column` and what was
 * expected, so an analyst can go straight to the cell.
 */
export function readCsv<S extends z.ZodTypeAny>(
  file: string,
  displayPath: string,
  schema: S,
  options: { requiredColumns: readonly string[] },
): Located<z.output<S>>[] {
  const text = readFileSync(file, "utf8");
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const found = (error as { record?: unknown[] }).record?.length;
    const expected = firstLine(text).split(",").length;
    const rowText = lines !== undefined ? (text.split(/\r?\n/)[lines - 1] ?? "") : "";
    const reason = found !== undefined ? `the row has ${found} fields, the header has ${expected}` : (error as Error).message;
    const decimalComma = /\d,\d/.test(rowText) && found !== undefined && found > expected;
    throw new ReportError(`malformed CSV: ${reason}`, {
      location: { file: displayPath, ...(lines !== undefined ? { line: lines } : {}) },
      hint: decimalComma
        ? "is there a decimal comma? write numbers with a decimal point in data files (13.9, not 13,9)"
        : "every row needs as many comma-separated fields as the header; quote fields that contain commas",
      cause: error,
    });
  }

  const header = firstLine(text).split(",").map((h) => h.trim().replace(/^\uFEFF/, ""));
  for (const column of options.requiredColumns) {
    if (!header.includes(column)) {
      throw new ReportError(`missing column "${column}" in the header`, {
        location: { file: displayPath, line: 1 },
        hint: `the header must name: ${options.requiredColumns.join(", ")}`,
      });
    }
  }

  return records.map(({ record, info }) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const columnName = String(issue.path[0] ?? "");
      const columnIndex = header.indexOf(columnName);
      const got = record[columnName];
      throw new ReportError(
        `${issue.message} in column "${columnName}"${got !== undefined ? `, got "${got}"` : ""}`,
        { location: { file: displayPath, line: info.lines, ...(columnIndex >= 0 ? { column: columnIndex + 1 } : {}) } },
      );
    }
    return { value: result.data as z.output<S>, file: displayPath, line: info.lines };
  });
}

function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, "");
}
