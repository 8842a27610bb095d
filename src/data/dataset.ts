import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { didYouMean, ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { readCsv, type Located } from "./csv.js";
import {
  indicatorRow,
  observationRow,
  regionRow,
  weightRow,
  type IndicatorRow,
  type ObservationRow,
  type RegionRow,
  type WeightRow,
} from "./schemas.js";

export type Indicator = IndicatorRow & {
  /** For derived indicators: what they are computed from, e.g. "produksjonsindeks ÷ kostnadsindeks-brutto × 100". */
  readonly derivedFrom?: string;
};
export type Region = RegionRow;

/** Everything the report's numbers come from, validated and cross-checked. */
export interface Dataset {
  readonly regions: ReadonlyMap<string, Region>;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly observations: readonly Located<ObservationRow>[];
  readonly weights: readonly Located<WeightRow>[];
  value(indicator: string, region: string, year: number): number | undefined;
  observation(indicator: string, region: string, year: number): Located<ObservationRow> | undefined;
}

export interface DataPaths {
  readonly root: string;
  readonly dataDir: string;
  readonly year: number;
}

/** Loads `data/regions.csv`, `data/indicators.csv` and the year's own files. */
export function loadDataset({ root, dataDir, year }: DataPaths): Dataset {
  const display = (file: string) => relative(root, file) || file;
  const yearDir = join(dataDir, String(year));
  const mustExist = (file: string, hint: string) => {
    if (!existsSync(file)) throw new ReportError(msg.data.fileMissing(hint), { location: { file: display(file) } });
    return file;
  };

  const regionFile = mustExist(join(dataDir, "regions.csv"), msg.data.restoreShared("id,name,short_name,kind", "data/regions.csv").text);
  const regions = uniqueById(
    readCsv(regionFile, display(regionFile), regionRow, { requiredColumns: ["id", "name", "short_name", "kind"] }),
  );
  const indicatorFile = mustExist(join(dataDir, "indicators.csv"), msg.data.restoreShared("id,title,short_title,unit,scale,decimals,source", "data/indicators.csv").text);
  const indicators = uniqueById(
    readCsv(indicatorFile, display(indicatorFile), indicatorRow, {
      requiredColumns: ["id", "title", "short_title", "unit", "scale", "decimals", "source"],
      numberColumns: ["min", "max"],
    }),
  );

  const observationFile = mustExist(join(yearDir, "observations.csv"), msg.data.yearNeedsObservations(display(join(yearDir, "observations.csv"))).text);
  const observations = readCsv(observationFile, display(observationFile), observationRow, {
    requiredColumns: ["indicator", "region", "year", "value"],
    numberColumns: ["value"],
  });
  const weightFile = join(yearDir, "production-index-weights.csv");
  const weights = existsSync(weightFile)
    ? readCsv(weightFile, display(weightFile), weightRow, { requiredColumns: ["indicator", "year", "weight"], numberColumns: ["weight"] })
    : [];

  const index = new Map<string, Located<ObservationRow>>();
  for (const row of observations) {
    const o = row.value;
    checkKnown(o.indicator, indicators, "indicator", row, 1, "data/indicators.csv");
    checkKnown(o.region, regions, "region", row, 2, "data/regions.csv");
    const key = keyOf(o.indicator, o.region, o.year);
    const earlier = index.get(key);
    if (earlier) {
      throw new ReportError(msg.data.duplicateValue(o.indicator, o.region, o.year, earlier.line), { location: { file: row.file, line: row.line } });
    }
    index.set(key, row);
  }
  for (const row of weights) checkKnown(row.value.indicator, indicators, "indicator", row, 1, "data/indicators.csv");

  return makeDataset(regions, indicators, observations, weights);
}

/** A dataset over the given rows, with the lookups every later stage uses. */
export function makeDataset(
  regions: ReadonlyMap<string, Region>,
  indicators: ReadonlyMap<string, Indicator>,
  observations: readonly Located<ObservationRow>[],
  weights: readonly Located<WeightRow>[],
): Dataset {
  const index = new Map(observations.map((row) => [keyOf(row.value.indicator, row.value.region, row.value.year), row]));
  return {
    regions,
    indicators,
    observations,
    weights,
    value: (indicator, region, y) => index.get(keyOf(indicator, region, y))?.value.value,
    observation: (indicator, region, y) => index.get(keyOf(indicator, region, y)),
  };
}

function keyOf(indicator: string, region: string, year: number): string {
  return `${indicator}\u0000${region}\u0000${year}`;
}

function uniqueById<T extends { id: string }>(rows: Located<T>[]): Map<string, T> {
  const map = new Map<string, T>();
  const lines = new Map<string, number>();
  for (const row of rows) {
    const earlier = lines.get(row.value.id);
    if (earlier !== undefined) {
      throw new ReportError(msg.data.duplicateId(row.value.id, earlier), { location: { file: row.file, line: row.line, column: 1 } });
    }
    lines.set(row.value.id, row.line);
    map.set(row.value.id, row.value);
  }
  return map;
}

function checkKnown(
  id: string,
  known: ReadonlyMap<string, unknown>,
  what: "indicator" | "region",
  row: Located<unknown>,
  column: number,
  catalogue: string,
): void {
  if (known.has(id)) return;
  // Excel drops the leading zero of 0301 (Oslo): 301 is not Bærum's 3201.
  const hint = /^\d{3}$/.test(id) && known.has(`0${id}`) ? msg.data.leadingZero(`0${id}`).text : (didYouMean(id, known.keys()) ?? msg.data.addToCatalogue(catalogue).text);
  const message = what === "indicator" ? msg.data.unknownIndicator(id, hint) : msg.data.unknownRegion(id, hint);
  throw new ReportError(message, { location: { file: row.file, line: row.line, column } });
}
