import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadDataset } from "../data/dataset.js";
import { OBSERVATION_COLUMNS, observationsCsv } from "../data/writeObservations.js";
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
    return toObservations(readSsbFile(path, display), context, (line) => log(`advarsel: ${line}`));
  });
  const merge = mergeObservations(
    data.observations.map((row) => row.value),
    combineFiles(imported),
  );
  report(imported, merge, data.indicators, log);
  for (const row of merge.rows) checkWritableNumber(row);
  const target = join(yearDir, "observations.csv");
  if (!options.dryRun) writeFileAtomic(target, observationsCsv(merge.rows, unchangedLines(data, target)));
  log(
    `import: ${merge.added.length} added, ${merge.changed.length} changed, ${merge.unchanged.length} unchanged, ${merge.older.length ? `${merge.older.length} kept (the file is older), ` : ""}${ignoredCount(imported)} ignored${options.dryRun ? " (--dry-run: nothing written)" : ` → ${relative(root, target)}`}`,
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
  for (const { before, after } of merge.older) {
    log(`  = ${before.indicator} / ${before.region} / ${before.year}: kept ${show(before)} (${describeProvenance(before)}); the file's ${show(after)} (${describeProvenance(after)}) is older`);
  }
}

/**
 * The rows of several files as one set. Two files may hold the same cell
 * (a JSON and a CSV of one table); the newer one counts, and two different
 * numbers for one cell from files of the same date is an error naming both.
 */
function combineFiles(files: readonly ImportedFile[]): ImportedFile["rows"] {
  const chosen = new Map<string, { row: ImportedFile["rows"][number]; file: string }>();
  for (const file of files) {
    for (const row of file.rows) {
      const key = `${row.indicator}\u0000${row.region}\u0000${row.year}`;
      const earlier = chosen.get(key);
      if (!earlier || row.updated > earlier.row.updated) {
        chosen.set(key, { row, file: file.file });
        continue;
      }
      if (row.updated === earlier.row.updated && (row.value !== earlier.row.value || row.status !== earlier.row.status)) {
        throw new ReportError(
          `${row.indicator} / ${row.region} / ${row.year} is ${row.value ?? row.status} in ${file.file} but ${earlier.row.value ?? earlier.row.status} in ${earlier.file}`,
          { location: { file: file.file }, hint: "import one of the files, or the newer download of the table" },
        );
      }
    }
  }
  return [...chosen.values()].map((entry) => entry.row);
}

/** A value the data files cannot hold (1e+21) is refused before anything is written. */
function checkWritableNumber(row: ImportedFile["rows"][number]): void {
  if (row.value === undefined || !/e/i.test(String(row.value))) return;
  throw new ReportError(`${row.indicator} / ${row.region} / ${row.year}: ${row.value} is not a plausible figure`, {
    hint: "check the file: SSB's figures are written out in full; nothing was written",
  });
}

/** The file's own lines for its rows, when it is in the machine format with our columns: they are written back as they were. */
function unchangedLines(data: ReturnType<typeof loadDataset>, file: string): Map<ImportedFile["rows"][number], string> {
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0] !== OBSERVATION_COLUMNS.join(",")) return new Map();
  return new Map(data.observations.map((row) => [row.value, lines[row.line - 1]!]));
}

function ignoredCount(files: readonly ImportedFile[]): number {
  return files.reduce((sum, f) => sum + f.unmappedContents.size + f.unknownRegions.size + f.ambiguousRegions.length + f.otherDimensionCells, 0);
}
