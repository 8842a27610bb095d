import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { suggest } from "../errors.js";
import { contentsCodes, type SsbMapping } from "./catalogue.js";
import type { KommuneHistory } from "./kommuneNumbers.js";
import type { TableQuery, TableShape } from "./pxwebUrls.js";

/**
 * The PxWebApi queries for a report year: one per SSB table the catalogue
 * names, selecting the mapped ContentsCodes, the fixed dimensions, the
 * report's years, and its regions under every number they had in those
 * years (Bærum is 3024 in 2020–2023 tables and 3201 from 2024), so the
 * series line up after the import follows the numbers to today's.
 * The dimension names come from each table's own metadata (`shapes`): the
 * region is the table's geo role, else `Region`, else KOSTRA's
 * `KOK…region0000` (KOKkommuneregion0000); a fixed dimension the table does
 * not have is an error naming the indicator.
 */
export function fetchQueries(
  mappings: ReadonlyMap<string, readonly SsbMapping[]>,
  regions: readonly string[],
  years: readonly number[],
  history: KommuneHistory,
  shapes: ReadonlyMap<string, TableShape>,
): TableQuery[] {
  return [...mappings].map(([table, list]) => {
    const shape = shapes.get(table);
    if (!shape) throw new Error(`no metadata for table ${table}`);
    const fixed = new Map<string, Set<string>>();
    for (const mapping of list) {
      for (const [dimension, code] of mapping.dimensions) {
        if (!shape.dimensions.includes(dimension)) {
          const guess = suggest(dimension, shape.dimensions);
          throw new ReportError(msg.importing.unknownDimension(mapping.indicator.id, table, dimension, shape.dimensions.join(", "), guess), { location: { file: "data/indicators.csv" } });
        }
        fixed.set(dimension, (fixed.get(dimension) ?? new Set()).add(code));
      }
    }
    return {
      table,
      selections: [
        { dimension: dimensionOf(shape, table, "contents", (id) => id === "ContentsCode"), codes: unique(list.flatMap(contentsCodes)) },
        { dimension: regionDimension(shape, table), codes: unique(regions.flatMap((region) => [...earlierCodes(region, years, history), region])) },
        ...[...fixed].map(([dimension, codes]) => ({ dimension, codes: [...codes] })),
        { dimension: dimensionOf(shape, table, "time", (id) => id === "Tid"), codes: years.map(String) },
      ],
    };
  });
}

export function regionDimension(shape: TableShape, table: string): string {
  const geo = shape.geo.find((id) => shape.dimensions.includes(id));
  return geo ?? dimensionOf(shape, table, "region", (id) => id === "Region" || /^KOK\w*region0000$/.test(id));
}

function dimensionOf(shape: TableShape, table: string, kind: "contents" | "time" | "region", matches: (id: string) => boolean): string {
  const found = shape.dimensions.find(matches);
  if (found === undefined) throw new ReportError(msg.importing.missingDimension(table, kind, shape.dimensions.join(", ")));
  return found;
}

/** The numbers a kommune had in the given years that lead to it one to one. */
function earlierCodes(region: string, years: readonly number[], history: KommuneHistory): string[] {
  if (!/^\d{4}$/.test(region)) return [];
  const first = Math.min(...years);
  return unique(
    history.changes
      .filter((change) => Number(change.changeOccurred.slice(0, 4)) > first)
      .map((change) => change.oldCode)
      .filter((code) => {
        if (code === region) return false;
        const resolved = history.resolve(code, { validIn: first });
        return resolved.kind !== "ambiguous" && resolved.code === region;
      }),
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
