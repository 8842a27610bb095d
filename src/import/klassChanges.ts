/**
 * SSB's KLASS API, classification 131 (municipalities), `changes` endpoint:
 * `{ "codeChanges": [{ oldCode, oldName, oldShortName, newCode, newName,
 * newShortName, changeOccurred: "YYYY-MM-DD" }, …] }`. This turns that response
 * into the compact CSV shipped as data/ssb/kommunenummer-endringer.csv
 * (columns oldCode,oldName,newCode,newName,changeOccurred; every row, in the
 * response's order), and reads that CSV back.
 */
import { parse } from "csv-parse/sync";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { isRecord, readJson } from "./readJson.js";

export interface KommuneChange {
  readonly oldCode: string;
  readonly oldName: string;
  readonly newCode: string;
  readonly newName: string;
  /** ISO date, "2020-01-01". */
  readonly changeOccurred: string;
}

export const CHANGE_COLUMNS = ["oldCode", "oldName", "newCode", "newName", "changeOccurred"] as const;

export function klassChangesFromJson(text: string, file: string): KommuneChange[] {
  const raw = readJson(text, file);
  const list = isRecord(raw) ? raw.codeChanges : undefined;
  if (!Array.isArray(list)) {
    throw new ReportError(msg.importing.notKlassChanges("codeChanges"), { location: { file } });
  }
  return list.map((item, i) => toChange(item, `${file}: codeChanges[${i}]`, { file }));
}

export function changesToCsv(changes: readonly KommuneChange[]): string {
  const lines = [CHANGE_COLUMNS.join(",")];
  for (const change of changes) lines.push(CHANGE_COLUMNS.map((column) => csvField(change[column])).join(","));
  return `${lines.join("\n")}\n`;
}

export function changesFromCsv(text: string, file: string): KommuneChange[] {
  const lines: number[] = [];
  const records = parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    on_record: (record: Record<string, string>, context) => {
      lines.push(context.lines);
      return record;
    },
  });
  return records.map((record, i) => toChange(record, `rad ${i + 1}`, { file, line: lines[i]! }));
}

function toChange(item: unknown, where: string, location: { file: string; line?: number }): KommuneChange {
  const fields: Partial<Record<(typeof CHANGE_COLUMNS)[number], string>> = {};
  for (const column of CHANGE_COLUMNS) {
    const value = isRecord(item) ? item[column] : undefined;
    if (typeof value !== "string" || (column !== "oldName" && column !== "newName" && value === "")) {
      throw new ReportError(msg.importing.klassFieldMissing(where, column), { location });
    }
    fields[column] = value;
  }
  const { oldCode, oldName, newCode, newName, changeOccurred } = fields;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(changeOccurred!)) {
    throw new ReportError(msg.importing.klassBadDate(where, "changeOccurred", String(changeOccurred)), { location });
  }
  return { oldCode: oldCode!, oldName: oldName!, newCode: newCode!, newName: newName!, changeOccurred: changeOccurred! };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
