import type { Dataset, Indicator } from "../data/dataset.js";
import { formatKroner, formatNumber, formatPercentagePoints, formatPercentWords } from "../format/norwegian.js";
import { deviationFromAverage, indexAgainst } from "../indicators/index.js";

/**
 * The expressions editors write in commentary, e.g.
 * `{{verdi "gruppestorrelse-1" "Bærum" 2024}}` → `13,9`. Each returns
 * Norwegian running text, with units spelled out as the report does
 * ("6,9 prosent", "28 349 kr", "5,1 prosentpoeng").
 */

export type ArgKind = "indicator" | "region" | "year";

export interface HelperOptions {
  /** Absolute value: the sentence says "lavere"/"mindre" itself. */
  readonly abs: boolean;
  /** Append the unit (default) or print the number alone. */
  readonly unit: boolean;
}

export interface Resolved {
  readonly indicator: Indicator;
  readonly regions: readonly string[];
  readonly years: readonly number[];
}

export interface HelperSpec {
  readonly args: readonly ArgKind[];
  readonly example: string;
  readonly describe: string;
  /** The number the expression stands for, or a message saying which value is missing. */
  compute(data: Dataset, average: string, r: Resolved): number | string;
  /** Unit the result is in, for the text. */
  unitOf(indicator: Indicator): "prosent" | "prosentpoeng" | "kr" | "none";
}

const valueOf = (data: Dataset, indicator: Indicator, region: string, year: number): number | string =>
  data.value(indicator.id, region, year) ?? `no value for ${indicator.id} / ${data.regions.get(region)?.name ?? region} / ${year} in the data`;

/** a − b, or the message saying which of them the data lacks. */
const difference = (a: number | string, b: number | string): number | string =>
  typeof a === "string" ? a : typeof b === "string" ? b : a - b;

const natural = (indicator: Indicator) =>
  indicator.unit === "prosent" ? "prosent" : indicator.unit === "prosentpoeng" ? "prosentpoeng" : indicator.unit === "kr" ? "kr" : "none";

export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  verdi: {
    args: ["indicator", "region", "year"],
    example: '{{verdi "gruppestorrelse-1" "Bærum" 2024}}',
    describe: "the value of an indicator for a region and year",
    compute: (data, _avg, r) => valueOf(data, r.indicator, r.regions[0]!, r.years[0]!),
    unitOf: natural,
  },
  endring: {
    args: ["indicator", "region", "year", "year"],
    example: '{{endring "godkjent-utdanning" "Bærum" 2023 2024}}',
    describe: "the change from the first year to the second (prosentpoeng for shares)",
    compute: (data, _avg, r) =>
      difference(valueOf(data, r.indicator, r.regions[0]!, r.years[1]!), valueOf(data, r.indicator, r.regions[0]!, r.years[0]!)),
    unitOf: (i) => (i.unit === "prosent" ? "prosentpoeng" : natural(i)),
  },
  forskjell: {
    args: ["indicator", "region", "region", "year"],
    example: '{{forskjell "netto-driftsutgifter-per-elev" "Oslo" "Bærum" 2024}}',
    describe: "the first region's value minus the second's (prosentpoeng for shares)",
    compute: (data, _avg, r) =>
      difference(valueOf(data, r.indicator, r.regions[0]!, r.years[0]!), valueOf(data, r.indicator, r.regions[1]!, r.years[0]!)),
    unitOf: (i) => (i.unit === "prosent" ? "prosentpoeng" : natural(i)),
  },
  avvik: {
    args: ["indicator", "region", "year"],
    example: '{{avvik "effektivitet" "Bærum" 2024}}',
    describe: "how many prosent the region lies above (or below) the average; for an index (average = 100) its distance from 100",
    compute: (data, average, r) => {
      const value = valueOf(data, r.indicator, r.regions[0]!, r.years[0]!);
      if (typeof value === "string") return value;
      if (r.indicator.unit === "indeks") return deviationFromAverage(value);
      const avg = valueOf(data, r.indicator, average, r.years[0]!);
      return typeof avg === "string" ? avg : deviationFromAverage(indexAgainst(value, avg));
    },
    unitOf: () => "prosent",
  },
  rang: {
    args: ["indicator", "region", "year"],
    example: '{{rang "elever-per-skole" "Bærum" 2024}}',
    describe: "the region's place from the highest value among the municipalities the data holds for that year",
    compute: (data, _avg, r) => {
      const year = r.years[0]!;
      const own = valueOf(data, r.indicator, r.regions[0]!, year);
      if (typeof own === "string") return own;
      const others = [...data.regions.values()]
        .filter((region) => region.kind === "kommune")
        .map((region) => data.value(r.indicator.id, region.id, year))
        .filter((v): v is number => v !== undefined);
      return 1 + others.filter((v) => v > own).length;
    },
    unitOf: () => "none",
  },
};

/** The number as running text in the helper's unit. */
export function formatHelperValue(value: number, unit: ReturnType<HelperSpec["unitOf"]>, indicator: Indicator, options: HelperOptions, helper: string): string {
  const v = options.abs ? Math.abs(value) : value;
  if (helper === "rang") return formatNumber(v, 0);
  const decimals = indicator.unit === "indeks" || unit === "prosent" || unit === "prosentpoeng" ? Math.max(indicator.decimals, 1) : indicator.decimals;
  if (!options.unit) return unit === "kr" ? formatNumber(v * indicator.scale, indicator.scale === 1 ? decimals : 0) : formatNumber(v, decimals);
  switch (unit) {
    case "prosent":
      return formatPercentWords(v, decimals);
    case "prosentpoeng":
      return formatPercentagePoints(v, decimals);
    case "kr":
      return formatKroner(v * indicator.scale, indicator.scale === 1 ? decimals : 0);
    case "none":
      return formatNumber(v, decimals);
  }
}
