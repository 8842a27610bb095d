import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Dataset } from "../data/dataset.js";
import { observationRow, type ObservationRow } from "../data/schemas.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/**
 * What a build was made from, kept beside its files (output/<year>/build-record.json):
 * the values of observations.csv as they were. `npm run changes` compares
 * today's data with it, so editors learn which sentences now print other numbers.
 */
const recordSchema = z.object({
  year: z.number(),
  builtAt: z.string(),
  observations: z.array(z.record(z.string(), z.string())),
});

export interface BuildRecord {
  readonly year: number;
  readonly builtAt: string;
  readonly observations: readonly ObservationRow[];
}

/** "kostra-analyse-2025.build-record.json", beside the document's files. */
export function buildRecordName(outputName: string): string {
  return `${outputName}.build-record.json`;
}

export function buildRecordJson(year: number, data: Dataset, builtAt: string): string {
  const observations = data.observations
    .filter((row) => !data.indicators.get(row.value.indicator)?.derivedFrom)
    .map(({ value: row }) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === undefined ? "" : String(v)])));
  return `${JSON.stringify({ year, builtAt, observations }, null, 1)}\n`;
}

/**
 * The record of the document's last build, or undefined when it has none. A
 * folder, an unreadable file or anything but a record where the record should
 * be is a located error saying how to get a new one, never an internal error.
 */
export function readBuildRecord(outputDir: string, displayDir: string, outputName: string): BuildRecord | undefined {
  const file = join(outputDir, buildRecordName(outputName));
  if (!existsSync(file)) return undefined;
  const location = { file: join(displayDir, buildRecordName(outputName)) };
  if (!statSync(file).isFile()) throw new ReportError(msg.changes.recordNotAFile(), { location });
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ReportError(msg.changes.recordUnreadable(codeOf(error)), { location, cause: error });
  }
  const parsed = recordSchema.safeParse(parseJson(text));
  if (!parsed.success) throw new ReportError(msg.changes.recordDamaged(), { location });
  const observations: ObservationRow[] = [];
  for (const row of parsed.data.observations) {
    const read = observationRow.safeParse(row);
    if (!read.success) throw new ReportError(msg.changes.recordDamaged(), { location });
    observations.push(read.data);
  }
  return { year: parsed.data.year, builtAt: parsed.data.builtAt, observations };
}

/** The JSON value, or undefined for text that is not JSON (cut off, or something else saved under the name). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" ? code : String(error);
}
