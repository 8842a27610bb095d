import { contentsCodes, type SsbMapping } from "./catalogue.js";
import type { KommuneHistory } from "./kommuneNumbers.js";
import type { TableQuery } from "./pxwebUrls.js";

/**
 * The PxWebApi queries for a report year: one per SSB table the catalogue
 * names, selecting the mapped ContentsCodes, the fixed dimensions, the
 * report's years, and its regions under every number they had in those
 * years (Bærum is 3024 in 2020–2023 tables and 3201 from 2024), so the
 * series line up after the import follows the numbers to today's.
 * KOSTRA tables call the region dimension KOKkommuneregion0000, others Region.
 */
export function fetchQueries(
  mappings: ReadonlyMap<string, readonly SsbMapping[]>,
  regions: readonly string[],
  years: readonly number[],
  history: KommuneHistory,
): TableQuery[] {
  return [...mappings].map(([table, list]) => {
    const fixed = new Map<string, Set<string>>();
    for (const mapping of list) for (const [dimension, code] of mapping.dimensions) fixed.set(dimension, (fixed.get(dimension) ?? new Set()).add(code));
    const kostra = [...fixed.keys()].some((dimension) => dimension.startsWith("KOK"));
    return {
      table,
      selections: [
        { dimension: "ContentsCode", codes: unique(list.flatMap(contentsCodes)) },
        { dimension: kostra ? "KOKkommuneregion0000" : "Region", codes: unique(regions.flatMap((region) => [...earlierCodes(region, years, history), region])) },
        ...[...fixed].map(([dimension, codes]) => ({ dimension, codes: [...codes] })),
        { dimension: "Tid", codes: years.map(String) },
      ],
    };
  });
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
