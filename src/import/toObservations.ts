import type { Dataset } from "../data/dataset.js";
import type { ObservationRow } from "../data/schemas.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { inIndicatorScale, matches, sameContents, type SsbMapping } from "./catalogue.js";
import type { SsbCell, SsbDataset } from "./dataset.js";
import type { AllowedStep, KommuneHistory } from "./kommuneNumbers.js";
import { isMissingSymbol } from "./symbols.js";

export interface ImportContext {
  readonly data: Dataset;
  readonly mappings: ReadonlyMap<string, readonly SsbMapping[]>;
  readonly history: KommuneHistory;
  /** The years the target folder holds (the report's years). */
  readonly years: readonly number[];
  /** Explicitly accepted merges, e.g. 0220 → 3025. */
  readonly allow: readonly AllowedStep[];
  /** "foreløpig"/"endelig" when the analyst says so; otherwise from the dates. */
  readonly release: "foreløpig" | "endelig" | undefined;
  /** Today, ISO date. */
  readonly today: string;
}

/** What one SSB file gives, and everything it had that was not taken. */
export interface ImportedFile {
  readonly file: string;
  readonly table: string;
  readonly rows: readonly ObservationRow[];
  readonly unmappedContents: ReadonlyMap<string, string>;
  readonly unknownRegions: ReadonlyMap<string, string>;
  /** Codes data/regions.csv has under a number SSB has since changed (3801 Horten, now 3901): code → label and today's code. */
  readonly outdatedRegions: ReadonlyMap<string, { readonly label: string; readonly current: string }>;
  /** Merged or split municipalities, one line each. */
  readonly ambiguousRegions: readonly string[];
  readonly otherYears: ReadonlySet<number>;
  readonly otherDimensionCells: number;
}

/**
 * SSB cells → observations in our format, through the catalogue. A cell
 * becomes a row when its contents (and fixed dimensions) map to an
 * indicator, its region — after following kommune-number changes one to one
 * — is one of data/regions.csv, and its year is one of the folder's years.
 * Everything else is counted and listed, never dropped in silence.
 */
export function toObservations(input: SsbDataset, context: ImportContext, warn: (line: string) => void = () => {}): ImportedFile {
  // SSB's `updated` is an ISO time; anything else (or a CSV, which has none) is no date at all.
  const dated = input.updated !== undefined && /^\d{4}-\d\d-\d\d(T[\d:.]+Z?)?$/.test(input.updated);
  const dataset: SsbDataset = dated ? input : { ...input, updated: undefined };
  if (!dated && context.release === undefined) {
    warn(msg.importing.undated(input.file, input.updated).text);
  }
  const mappings = context.mappings.get(dataset.table);
  if (!mappings || mappings.length === 0) {
    throw new ReportError(msg.importing.noIndicatorForTable(dataset.table), { location: { file: dataset.file } });
  }
  const unmappedContents = new Map<string, string>();
  const unknownRegions = new Map<string, string>();
  const outdatedRegions = new Map<string, { label: string; current: string }>();
  const ambiguous = new Set<string>();
  const otherYears = new Set<number>();
  let otherDimensionCells = 0;
  const chosen = new Map<string, { row: ObservationRow; cell: SsbCell }>();

  for (const cell of dataset.cells) {
    const mapping = mappings.find((m) => matches(m, cell));
    if (!mapping) {
      if (mappings.some((m) => sameContents(m, cell))) otherDimensionCells += 1;
      else unmappedContents.set(cell.contents, cell.contentsLabel);
      continue;
    }
    if (!context.years.includes(cell.year)) {
      otherYears.add(cell.year);
      continue;
    }
    const region = regionOf(cell, context, { unknown: unknownRegions, outdated: outdatedRegions }, ambiguous);
    if (region === undefined) continue;
    const row = { ...rowOf(cell, mapping, region.code, dataset, context), note: region.note };
    const key = `${row.indicator}\u0000${row.region}\u0000${row.year}`;
    const earlier = chosen.get(key);
    if (!earlier || (earlier.row.value === undefined && row.value !== undefined)) {
      // A renumbered kommune appears under both numbers; SSB gives "." under the one not in use.
      chosen.set(key, { row, cell });
    } else if (row.value !== undefined && earlier.row.value !== undefined && row.value !== earlier.row.value) {
      throw new ReportError(msg.importing.twoValues(`${row.indicator} / ${row.region} / ${row.year}`, earlier.row.value, describeCell(earlier.cell), row.value, describeCell(cell), context.allow.length > 0), {
        location: { file: dataset.file },
      });
    }
  }
  return {
    file: dataset.file,
    table: dataset.table,
    rows: [...chosen.values()].map((c) => c.row),
    unmappedContents,
    unknownRegions,
    outdatedRegions,
    ambiguousRegions: [...ambiguous],
    otherYears,
    otherDimensionCells,
  };
}

interface SkippedRegions {
  readonly unknown: Map<string, string>;
  readonly outdated: Map<string, { label: string; current: string }>;
}

function regionOf(cell: SsbCell, context: ImportContext, skipped: SkippedRegions, ambiguous: Set<string>): { code: string; note: string } | undefined {
  let code = cell.region;
  let note = "";
  if (/^\d{4}$/.test(code)) {
    const resolved = context.history.resolve(code, { validIn: cell.year, allow: context.allow });
    if (resolved.kind === "ambiguous") {
      ambiguous.add(msg.importing.notCarriedOver(context.history.describe(resolved), code, resolved.to[0] ?? "").text);
      return undefined;
    }
    code = resolved.code;
    const allowed = context.allow.find((step) => step.from === cell.region);
    if (allowed) note = `${cell.region} ${cell.regionLabel} før sammenslåingen, tatt med som ${code} (--allow ${allowed.from}=${allowed.to})`;
  }
  if (context.data.regions.has(code)) return { code, note };
  // SSB's "." under a number not in use that year (3024 Bærum in a 2024 column) is no figure of a missing region.
  if (cell.value === null && /^\d{4}$/.test(cell.region)) {
    const today = context.history.resolve(cell.region, { allow: context.allow });
    if (today.kind !== "ambiguous" && context.data.regions.has(today.code)) return undefined;
  }
  // data/regions.csv names the kommune by a number SSB has since replaced: say so, not "add it".
  if (code !== cell.region && context.data.regions.has(cell.region)) skipped.outdated.set(cell.region, { label: cell.regionLabel, current: code });
  else skipped.unknown.set(cell.region, cell.regionLabel);
  return undefined;
}

function rowOf(cell: SsbCell, mapping: SsbMapping, region: string, dataset: SsbDataset, context: ImportContext): ObservationRow {
  const missing = cell.value === null;
  const status = missing ? (cell.status && isMissingSymbol(cell.status) ? cell.status : "..") : "";
  return {
    indicator: mapping.indicator.id,
    region,
    year: cell.year,
    ...(missing ? {} : { value: inIndicatorScale(cell.value!, mapping.indicator) }),
    status: status as ObservationRow["status"],
    source: `SSB ${dataset.table}`,
    release: context.release ?? releaseOf(cell.year, dataset.updated ?? context.today),
    updated: dataset.updated ?? "",
    imported: context.today,
    basis: "tabell",
    note: "",
  };
}

/**
 * KOSTRA figures for a year are preliminary from 15 March of the next year
 * and final from 15 June: a table updated before 15 June of the year after
 * the data year holds preliminary figures for that year.
 */
export function releaseOf(year: number, updated: string): "foreløpig" | "endelig" {
  return updated.slice(0, 10) < `${year + 1}-06-15` ? "foreløpig" : "endelig";
}

function describeCell(cell: SsbCell): string {
  return [`område ${cell.region}`, ...Object.entries(cell.dimensions).map(([k, v]) => `${k} ${v}`)].join(", ");
}
