import type { Dataset, Indicator } from "../data/dataset.js";
import { formatKroner, formatNumber, formatPercentagePoints, formatPercentWords } from "../format/norwegian.js";
import { deviationFromAverage, indexAgainst } from "../indicators/index.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import { CLAIM_HELPERS } from "./claims/helpers.js";

/**
 * The expressions editors write in commentary, e.g.
 * `{{verdi "gruppestorrelse-1" "Bærum" 2024}}` → `13,9`. The number helpers
 * return Norwegian running text, with units spelled out as the report does
 * ("6,9 prosent", "28 349 kr", "5,1 prosentpoeng"); the claim helpers
 * (`sammenlign`, `utvikling`, `plassering`, in claims/) return the words the
 * data call for ("høyere enn", "har økt", "lavest").
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

/** A value an expression needs and the data lacks; the caller says it with the expression's file and line. */
export interface MissingValue {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
}

/** A value from the data, or which one it could not find. */
type ValueResult = { readonly value: number } | { readonly missing: MissingValue };

/** What a number helper computes: the number, which value it could not find, or why it has no number to give. */
export type NumberResult = ValueResult | { readonly problem: Message };

/** How the number reads: a share, a difference of shares, kroner, a place in a ranking, or a plain number. */
export type HelperUnit = "prosent" | "prosentpoeng" | "kr" | "place" | "none";

export interface NumberHelperSpec {
  readonly args: readonly ArgKind[];
  readonly example: string;
  readonly describe: string;
  compute(data: Dataset, average: string, r: Resolved): NumberResult;
  /** Unit the result is in, for the text. */
  unitOf(indicator: Indicator): HelperUnit;
}

/** What a named option (`abs=true`, `form="ligger"`, `stabil="har vært stabil"`) takes. */
export type OptionKind = "boolean" | "text";

/** The options as written in one expression. */
export type OptionValues = ReadonlyMap<string, string | boolean>;

export interface HelperInput {
  readonly data: Dataset;
  /** The report's average (`average:` in report.yaml). */
  readonly average: string;
  /** The report's years, in order. */
  readonly reportYears: readonly number[];
  readonly resolved: Resolved;
  readonly options: OptionValues;
}

/** A claim an expression made: its kind and which of its outcomes the data chose ("høyere", "økt", "lavest"). */
export interface ClaimUse {
  readonly kind: "sammenligning" | "utvikling" | "plassering";
  readonly outcome: string;
}

/** What any helper returns: its text (and claim), which value it could not find, or what is wrong with it. */
export type HelperResult =
  | { readonly text: string; readonly claim?: ClaimUse }
  | { readonly missing: MissingValue }
  | { readonly problem: Message };

/** One expression editors can write: what it takes, and how it reads the data. */
export interface HelperSpec {
  readonly args: readonly ArgKind[];
  readonly example: string;
  readonly describe: string;
  readonly options: Readonly<Record<string, OptionKind>>;
  evaluate(input: HelperInput): HelperResult;
}

const valueOf = (data: Dataset, indicator: Indicator, region: string, year: number): ValueResult => {
  const value = data.value(indicator.id, region, year);
  return value === undefined ? { missing: { indicator: indicator.id, region, year } } : { value };
};

/** f(a, b), or the first value the data lacks. */
const both = (a: ValueResult, b: ValueResult, f: (a: number, b: number) => number): ValueResult =>
  "missing" in a ? a : "missing" in b ? b : { value: f(a.value, b.value) };

const natural = (indicator: Indicator): HelperUnit =>
  indicator.unit === "prosent" ? "prosent" : indicator.unit === "prosentpoeng" ? "prosentpoeng" : indicator.unit === "kr" ? "kr" : "none";

/** The number helpers by name, as they compute (the registry below formats them). */
export const NUMBER_HELPERS: ReadonlyMap<string, NumberHelperSpec> = new Map<string, NumberHelperSpec>(Object.entries({
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
      both(valueOf(data, r.indicator, r.regions[0]!, r.years[1]!), valueOf(data, r.indicator, r.regions[0]!, r.years[0]!), (a, b) => a - b),
    unitOf: (i) => (i.unit === "prosent" ? "prosentpoeng" : natural(i)),
  },
  forskjell: {
    args: ["indicator", "region", "region", "year"],
    example: '{{forskjell "netto-driftsutgifter-per-elev" "Oslo" "Bærum" 2024}}',
    describe: "the first region's value minus the second's (prosentpoeng for shares)",
    compute: (data, _avg, r) =>
      both(valueOf(data, r.indicator, r.regions[0]!, r.years[0]!), valueOf(data, r.indicator, r.regions[1]!, r.years[0]!), (a, b) => a - b),
    unitOf: (i) => (i.unit === "prosent" ? "prosentpoeng" : natural(i)),
  },
  avvik: {
    args: ["indicator", "region", "year"],
    example: '{{avvik "effektivitet" "Bærum" 2024}}',
    describe: "how many prosent the region lies above (or below) the average; for an index (average = 100) its distance from 100",
    compute: (data, average, r) => {
      const value = valueOf(data, r.indicator, r.regions[0]!, r.years[0]!);
      if (r.indicator.unit === "indeks") return "missing" in value ? value : { value: deviationFromAverage(value.value) };
      return both(value, valueOf(data, r.indicator, average, r.years[0]!), (v, avg) => deviationFromAverage(indexAgainst(v, avg)));
    },
    unitOf: () => "prosent",
  },
  rang: {
    args: ["indicator", "region", "year"],
    example: '{{rang "elever-per-skole" "Bærum" 2024}}',
    describe: "the region's place from the highest value among the municipalities the data holds for that year",
    compute: (data, _avg, r) => {
      const year = r.years[0]!;
      const region = data.regions.get(r.regions[0]!);
      // An average is not one of the municipalities ranked (regions.csv, kind «snitt»): it has no place among them.
      if (region && region.kind !== "kommune") return { problem: msg.claims.rankNotMunicipality(region.name) };
      const own = valueOf(data, r.indicator, r.regions[0]!, year);
      if ("missing" in own) return own;
      const others = [...data.regions.values()]
        .filter((region) => region.kind === "kommune")
        .map((region) => data.value(r.indicator.id, region.id, year))
        .filter((v): v is number => v !== undefined);
      return { value: 1 + others.filter((v) => v > own.value).length };
    },
    unitOf: () => "place",
  },
} satisfies Record<string, NumberHelperSpec>));

/** A number helper as the registry holds it: its number in the helper's unit, formatted with `abs=` and `enhet=`. */
function numberHelper(spec: NumberHelperSpec): HelperSpec {
  return {
    args: spec.args,
    example: spec.example,
    describe: spec.describe,
    options: { abs: "boolean", enhet: "boolean" },
    evaluate: ({ data, average, resolved, options }) => {
      const result = spec.compute(data, average, resolved);
      if (!("value" in result)) return result;
      const format = { abs: options.get("abs") === true, unit: options.get("enhet") !== false };
      return { text: formatHelperValue(result.value, spec.unitOf(resolved.indicator), resolved.indicator, format) };
    },
  };
}

/**
 * Every expression by name, numbers and claims: one registry the checks, the
 * errors' "did you mean" and the README's table are read from. A Map, so a
 * name such as "constructor" or "toString" is unknown rather than found on
 * Object.prototype.
 */
export const HELPERS: ReadonlyMap<string, HelperSpec> = new Map<string, HelperSpec>([
  ...[...NUMBER_HELPERS].map(([name, spec]) => [name, numberHelper(spec)] as const),
  ...CLAIM_HELPERS,
]);

/** The number as running text in the helper's unit. */
export function formatHelperValue(value: number, unit: HelperUnit, indicator: Indicator, options: HelperOptions): string {
  const v = options.abs ? Math.abs(value) : value;
  if (unit === "place") return formatNumber(v, 0);
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
