/**
 * One entry point for a saved SSB file: JSON-stat 2.0 (a body saved by
 * fetchSsb.ts, or downloaded by hand) or SSB's CSV download, told apart by the
 * first character, not the file name.
 */
import { readFileSync } from "node:fs";
import type { SsbDataset } from "./dataset.js";
import { decodeSsbText } from "./decodeText.js";
import { parseJsonStat } from "./jsonStat.js";
import { parseSsbCsv } from "./ssbCsv.js";

export function readSsbFile(path: string, displayPath = path, options: { readonly table?: string } = {}): SsbDataset {
  const { text } = decodeSsbText(readFileSync(path));
  const first = text.trimStart()[0];
  return first === "{" || first === "[" ? parseJsonStat(text, displayPath, options) : parseSsbCsv(text, displayPath, options);
}
