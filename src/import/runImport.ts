import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { loadDataset } from "../data/dataset.js";
import { observationsCsv } from "../data/writeObservations.js";
import { ReportError } from "../errors.js";
import { formatValue } from "../format/norwegian.js";
import { writeFileAtomic } from "../output/atomicWrite.js";
import { ssbMappings } from "./catalogue.js";
import { loadKommuneHistory, KOMMUNE_CHANGES_FILE, type AllowedStep } from "./kommuneNumbers.js";
import { describeProvenance, mergeObservations, type MergeResult } from "./merge.js";
import { readSsbFile } from "./readSsbFile.js";
import { toObservations, type ImportedFile } from "./toObservations.js";
import { loadDefinition } from "../config/loadDefinition.js";

export interface ImportOptions {
  readonly root: string;
  readonly year: number;
  /** Each file's path, and its name as the analyst gave it (for messages). */
  readonly files: readonly { readonly path: string; readonly display: string }[];
  readonly dryRun: boolean;
  readonly release: "foreløpig" | "endelig" | undefined;
  readonly allow: readonly AllowedStep[];
  readonly today: string;
  readonly log: (line: string) => void;
}

export interface ImportOutcome {
  readonly merge: MergeResult;
  readonly files: readonly ImportedFile[];
  readonly written: boolean;
}

/**
 * `npm run import`: SSB files → data/<year>/observations.csv.
 *  1. read   each file (JSON-stat 2.0 or SSB's CSV), every problem named with the file;
 *  2. map    cells through the catalogue, kommune numbers through SSB's change list;
 *  3. merge  with the folder's observations: added, changed (old → new, both provenances), unchanged;
 *  4. write  the file atomically, unless --dry-run; a failure in 1–3 writes nothing.
 */
export function runImport(options: ImportOptions): ImportOutcome {
  const { root, year, log } = options;
  const dataDir = join(root, "data");
  const yearDir = join(dataDir, String(year));
  const definitionPath = join(yearDir, "report.yaml");
  if (!existsSync(definitionPath)) {
    throw new ReportError(`there is no report for ${year}`, { location: { file: relative(root, definitionPath) }, hint: `create it with npm run new-year -- ${year}` });
  }
  const definition = loadDefinition(definitionPath, relative(root, definitionPath));
  const data = loadDataset({ root, dataDir, year });
  const history = loadKommuneHistory(join(root, KOMMUNE_CHANGES_FILE), KOMMUNE_CHANGES_FILE);
  const context = { data, mappings: ssbMappings(data.indicators.values()), history, years: definition.years, allow: options.allow, release: options.release, today: options.today };

  const imported = options.files.map(({ path, display }) => {
    if (!existsSync(path)) throw new ReportError("file not found", { location: { file: display }, hint: "give the path of a file saved from SSB (JSON-stat or CSV)" });
    return toObservations(readSsbFile(path, display), context);
  });
  const merge = mergeObservations(
    data.observations.map((row) => row.value),
    imported.flatMap((file) => file.rows),
  );
  report(imported, merge, data.indicators, log);
  const target = join(yearDir, "observations.csv");
  if (!options.dryRun) writeFileAtomic(target, observationsCsv(merge.rows));
  log(
    `import: ${merge.added.length} added, ${merge.changed.length} changed, ${merge.unchanged.length} unchanged, ${ignoredCount(imported)} ignored${options.dryRun ? " (--dry-run: nothing written)" : ` → ${relative(root, target)}`}`,
  );
  return { merge, files: imported, written: !options.dryRun };
}

function report(files: readonly ImportedFile[], merge: MergeResult, indicators: ReturnType<typeof loadDataset>["indicators"], log: (line: string) => void): void {
  const show = (row: MergeResult["added"][number]) => {
    const indicator = indicators.get(row.indicator)!;
    return row.value === undefined ? row.status : formatValue(row.value, indicator.unit, indicator.decimals);
  };
  for (const file of files) {
    log(`${file.file}: table ${file.table}, ${file.rows.length} value(s)`);
    for (const [code, label] of file.unmappedContents) log(`  not mapped: contents ${code} (${label}) — no indicator has ssb_contents ${code}`);
    for (const [code, label] of file.unknownRegions) log(`  not a report region: ${code} ${label} — add it to data/regions.csv to import it`);
    for (const line of file.ambiguousRegions) log(`  merged or split: ${line}`);
    if (file.otherYears.size) log(`  other years, not imported: ${[...file.otherYears].sort().join(", ")}`);
    if (file.otherDimensionCells) log(`  ${file.otherDimensionCells} cell(s) of other functions/arts, not imported`);
  }
  for (const row of merge.added) log(`  + ${row.indicator} / ${row.region} / ${row.year}: ${show(row)} (${describeProvenance(row)})`);
  for (const { before, after } of merge.changed) {
    log(`  ~ ${after.indicator} / ${after.region} / ${after.year}: ${show(before)} (${describeProvenance(before)}) → ${show(after)} (${describeProvenance(after)})`);
  }
}

function ignoredCount(files: readonly ImportedFile[]): number {
  return files.reduce((sum, f) => sum + f.unmappedContents.size + f.unknownRegions.size + f.ambiguousRegions.length + f.otherDimensionCells, 0);
}
