import { existsSync, readFileSync } from "node:fs";
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

export function readBuildRecord(outputDir: string, displayDir: string, outputName: string): BuildRecord | undefined {
  const file = join(outputDir, buildRecordName(outputName));
  if (!existsSync(file)) return undefined;
  const parsed = recordSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new ReportError(msg.changes.recordDamaged(), { location: { file: join(displayDir, buildRecordName(outputName)) } });
  return {
    year: parsed.data.year,
    builtAt: parsed.data.builtAt,
    observations: parsed.data.observations.map((row) => observationRow.parse(row)),
  };
}
