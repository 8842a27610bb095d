/**
 * One entry point for a saved SSB file: JSON-stat 2.0 (a body saved by
 * fetchSsb.ts, or downloaded by hand) or SSB's CSV download, told apart by the
 * first character, not the file name.
 */
import { readFileSync } from "node:fs";
import { ReportError } from "../errors.js";
import type { SsbDataset } from "./dataset.js";
import { decodeSsbText } from "./decodeText.js";
import { parseJsonStat } from "./jsonStat.js";
import { parseSsbCsv } from "./ssbCsv.js";

export function readSsbFile(path: string, displayPath = path, options: { readonly table?: string } = {}): SsbDataset {
  const bytes = readFileSync(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportError("the file is UTF-16 (Excel's «Unicode text»), not SSB's download", { location: { file: displayPath }, hint: "download the table from SSB again, or save it as CSV UTF-8" });
  }
  const { text } = decodeSsbText(bytes);
  const trimmed = text.trim();
  if (trimmed === "") throw new ReportError("the file is empty", { location: { file: displayPath }, hint: "download the table from SSB again" });
  if (/^<(!doctype|html|\?xml)/i.test(trimmed)) {
    throw new ReportError("this is a web page (HTML), not SSB's data", { location: { file: displayPath }, hint: "save the JSON-stat or CSV file itself (PxWebApi: outputFormat=json-stat2), not the page that shows it" });
  }
  const first = trimmed[0];
  if (first === "{" || first === "[") {
    const problem = ssbErrorMessage(trimmed);
    if (problem) throw new ReportError(`SSB answered with an error, not data: ${problem}`, { location: { file: displayPath }, hint: "correct the query (table, codes, years) and download again" });
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
