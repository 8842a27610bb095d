/**
 * One entry point for a saved SSB file: JSON-stat 2.0 (a body saved by
 * fetchSsb.ts, or downloaded by hand) or SSB's CSV download, told apart by the
 * first character, not the file name.
 */
import { readFileSync } from "node:fs";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { withFileErrors } from "./fileErrors.js";
import type { SsbDataset } from "./dataset.js";
import { decodeSsbText } from "./decodeText.js";
import { parseJsonStat } from "./jsonStat.js";
import { parseSsbCsv } from "./ssbCsv.js";

export function readSsbFile(path: string, displayPath = path, options: { readonly table?: string } = {}): SsbDataset {
  const bytes = withFileErrors(displayPath, "les", () => readFileSync(path));
  const at = { location: { file: displayPath } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ReportError(msg.importing.utf16(), at);
  // A ZIP container (.xlsx, .xlsm, .ods) or the old binary Excel format: never read as text.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new ReportError(msg.importing.spreadsheet("xlsx"), at);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ReportError(msg.importing.spreadsheet("xls"), at);
  const { text } = decodeSsbText(bytes);
  const trimmed = text.trim();
  if (trimmed === "") throw new ReportError(msg.importing.emptyFile(), at);
  if (/^<(!doctype|html|\?xml)/i.test(trimmed)) throw new ReportError(msg.importing.htmlPage(), at);
  const first = trimmed[0];
  if (first === "{" || first === "[") {
    const problem = ssbErrorMessage(trimmed);
    if (problem) throw new ReportError(msg.importing.ssbErrorFile(problem), at);
    return parseJsonStat(text, displayPath, options);
  }
  return parseSsbCsv(text, displayPath, options);
}

/** SSB's error bodies: `{"type":…,"title":"Non-existent value",…}` (v2) or `{"error":[{"message":…}]}` (v1). */
function ssbErrorMessage(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== "object" || body === null || "version" in body) return undefined;
    const record = body as Record<string, unknown>;
    if (typeof record.title === "string" && ("status" in record || "type" in record)) return record.title;
    if (Array.isArray(record.error)) return record.error.map((e: unknown) => (typeof e === "object" && e !== null ? String((e as Record<string, unknown>).message ?? "") : String(e))).filter(Boolean).join("; ");
  } catch {
    return undefined;
  }
  return undefined;
}
