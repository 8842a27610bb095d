import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadDefinition } from "../config/loadDefinition.js";
import { loadDataset } from "../data/dataset.js";
import { plausibleRange } from "../data/schemas.js";
import { OBSERVATION_COLUMNS, observationsCsv } from "../data/writeObservations.js";
import { ReportError } from "../errors.js";
import { formatNumber, formatValue } from "../format/norwegian.js";
import { msg } from "../messages/catalogue.js";
import { writeFileAtomic } from "../output/atomicWrite.js";
import { ssbMappings } from "./catalogue.js";
import { withFileErrors } from "./fileErrors.js";
import { loadKommuneHistory, KOMMUNE_CHANGES_FILE, type AllowedStep } from "./kommuneNumbers.js";
import { describeProvenance, mergeObservations, type MergeResult } from "./merge.js";
import { readSsbFile } from "./readSsbFile.js";
import { toObservations, type ImportedFile } from "./toObservations.js";

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
  /** How observations.csv is written (default: atomically); tests pass a failing disk. */
  readonly write?: (path: string, content: string) => void;
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
 *  4. check  every incoming figure against its indicator's possible range (the build's rule);
 *  5. write  the file atomically, unless --dry-run, and only if nobody changed it since step 1;
 *     a failure in 1–4 writes nothing.
 * The caller holds the year's lock (yearLock.ts) around all of it.
 */
export function runImport(options: ImportOptions): ImportOutcome {
  const { root, year, log } = options;
  const dataDir = join(root, "data");
  const yearDir = join(dataDir, String(year));
  const definitionPath = join(yearDir, "report.yaml");
  if (!existsSync(definitionPath)) throw new ReportError(msg.importing.noReport(year), { location: { file: relative(root, definitionPath) } });
  const target = join(yearDir, "observations.csv");
  const targetDisplay = relative(root, target);
  const read = withFileErrors(targetDisplay, "les", () => readFileSync(target));
  const definition = loadDefinition(definitionPath, relative(root, definitionPath));
  const data = loadDataset({ root, dataDir, year });
  const history = loadKommuneHistory(join(root, KOMMUNE_CHANGES_FILE), KOMMUNE_CHANGES_FILE);
  const context = { data, mappings: ssbMappings(data.indicators.values()), history, years: definition.years, allow: options.allow, release: options.release, today: options.today };

  const imported = options.files.map(({ path, display }) => toObservations(readSsbFile(path, display), context, (line) => log(msg.importing.warning(line).text)));
  const merge = mergeObservations(
    data.observations.map((row) => row.value),
    combineFiles(imported),
  );
  report(imported, merge, data.indicators, log);
  for (const row of [...merge.added, ...merge.changed.map((change) => change.after)]) checkPossible(row, data.indicators, fileOf(row, imported));
  if (!options.dryRun) {
    const content = observationsCsv(merge.rows, unchangedLines(data, read.toString("utf8")));
    const write = options.write ?? writeFileAtomic;
    withFileErrors(targetDisplay, "skriv", () => {
      // Another program (an editor, a run without the lock) may have written it meanwhile: its rows would be lost.
      if (!readFileSync(target).equals(read)) throw new ReportError(msg.importing.changedMeanwhile(), { location: { file: targetDisplay } });
      write(target, content);
    });
  }
  log(
    msg.importing.summary(merge.added.length, merge.changed.length, merge.unchanged.length, merge.older.length, ignoredCount(imported), options.dryRun ? undefined : targetDisplay).text,
  );
  return { merge, files: imported, written: !options.dryRun };
}

function report(files: readonly ImportedFile[], merge: MergeResult, indicators: ReturnType<typeof loadDataset>["indicators"], log: (line: string) => void): void {
  const show = (row: MergeResult["added"][number]) => {
    const indicator = indicators.get(row.indicator)!;
    return row.value === undefined ? row.status : formatValue(row.value, indicator.unit, indicator.decimals);
  };
  for (const file of files) {
    log(msg.importing.fileSummary(file.file, file.table, file.rows.length).text);
    for (const [code, label] of file.unmappedContents) log(`  ${msg.importing.unmappedContents(code, label).text}`);
    for (const [code, label] of file.unknownRegions) log(`  ${msg.importing.unknownRegion(code, label).text}`);
    for (const [code, { label, current }] of file.outdatedRegions) log(`  ${msg.importing.outdatedRegion(code, label, current).text}`);
    for (const line of file.ambiguousRegions) log(`  ${msg.importing.mergedOrSplit(line).text}`);
    if (file.otherYears.size) log(`  ${msg.importing.otherYears([...file.otherYears].sort().join(", ")).text}`);
    if (file.otherDimensionCells) log(`  ${msg.importing.otherDimensionCells(file.otherDimensionCells).text}`);
  }
  for (const row of merge.added) log(`  + ${row.indicator} / ${row.region} / ${row.year}: ${show(row)} (${describeProvenance(row)})`);
  for (const { before, after } of merge.changed) {
    log(`  ~ ${after.indicator} / ${after.region} / ${after.year}: ${show(before)} (${describeProvenance(before)}) → ${show(after)} (${describeProvenance(after)})`);
  }
  for (const { before, after } of merge.older) {
    log(`  = ${before.indicator} / ${before.region} / ${before.year}: ${msg.importing.keptNewer(show(before), describeProvenance(before), show(after), describeProvenance(after)).text}`);
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
        throw new ReportError(msg.importing.filesDisagree(`${row.indicator} / ${row.region} / ${row.year}`, String(row.value ?? row.status), file.file, String(earlier.row.value ?? earlier.row.status), earlier.file), {
          location: { file: file.file },
        });
      }
    }
  }
  return [...chosen.values()].map((entry) => entry.row);
}

/**
 * A figure its indicator cannot take (−5 % or 12345678901234567890 for a
 * percentage) is refused before anything is written, by the same rule the
 * build checks (plausibleRange: the unit's range, or the indicator's min/max);
 * a number the data files cannot hold (1e+21) likewise.
 */
function checkPossible(row: ImportedFile["rows"][number], indicators: ReturnType<typeof loadDataset>["indicators"], file: string): void {
  if (row.value === undefined) return;
  const cell = `${row.indicator} / ${row.region} / ${row.year}`;
  if (/e/i.test(String(row.value))) throw new ReportError(msg.importing.notPlausible(cell, String(row.value)), { location: { file } });
  const indicator = indicators.get(row.indicator);
  if (!indicator) return;
  const { min, max } = plausibleRange(indicator);
  if (row.value >= min && row.value <= max) return;
  const bound = (n: number, fallback: string) => (Number.isFinite(n) ? formatNumber(n) : fallback);
  throw new ReportError(msg.importing.impossibleValue(cell, Math.abs(row.value) < 1e12 ? formatNumber(row.value, indicator.decimals) : String(row.value), indicator.unit, bound(min, "−∞"), bound(max, "∞")), { location: { file } });
}

function fileOf(row: ImportedFile["rows"][number], files: readonly ImportedFile[]): string {
  const same = (other: ImportedFile["rows"][number]) => other.indicator === row.indicator && other.region === row.region && other.year === row.year && other.value === row.value;
  return files.find((file) => file.rows.some(same))?.file ?? files[0]?.file ?? "";
}

/** The file's own lines for its rows, when it is in the machine format with our columns: they are written back as they were. */
function unchangedLines(data: ReturnType<typeof loadDataset>, text: string): Map<ImportedFile["rows"][number], string> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0] !== OBSERVATION_COLUMNS.join(",")) return new Map();
  return new Map(data.observations.map((row) => [row.value, lines[row.line - 1]!]));
}

function ignoredCount(files: readonly ImportedFile[]): number {
  return files.reduce((sum, f) => sum + f.unmappedContents.size + f.unknownRegions.size + f.outdatedRegions.size + f.ambiguousRegions.length + f.otherDimensionCells, 0);
}
