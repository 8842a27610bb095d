import type { Dataset, Indicator } from "../../data/dataset.js";
import { compareValues, type Order } from "../../indicators/tolerance.js";
import type { MissingValue } from "../helpers.js";

/**
 * What the data say about a comparison, a trend or a position, decided by
 * the tolerance rule (src/indicators/tolerance.ts). The expressions choose
 * their words from these outcomes, and `npm run check` holds the editor's
 * plain words against them, so both read the data the same way.
 */

export type Missing = { readonly missing: MissingValue };

/** The outcomes as the expressions' word options name them. */
export type ComparisonOutcome = "høyere" | "lavere" | "likt";
export type TrendOutcome = "økt" | "nedgang" | "stabil" | "variert";

const ORDER_WORD: Readonly<Record<Order, ComparisonOutcome>> = { higher: "høyere", lower: "lavere", same: "likt" };

function valueOf(data: Dataset, indicator: Indicator, region: string, year: number): number | Missing {
  const value = data.value(indicator.id, region, year);
  return value === undefined ? { missing: { indicator: indicator.id, region, year } } : value;
}

/**
 * The first region against the second in one year. An index against the
 * average it is measured by (ASSS = 100) compares with 100 when the data hold
 * no value for the average itself.
 */
export function compareRegions(
  data: Dataset,
  average: string,
  indicator: Indicator,
  region: string,
  other: string,
  year: number,
): { readonly outcome: ComparisonOutcome; readonly values: readonly [number, number] } | Missing {
  const own = valueOf(data, indicator, region, year);
  if (typeof own !== "number") return own;
  let reference = valueOf(data, indicator, other, year);
  if (typeof reference !== "number") {
    if (indicator.unit !== "indeks" || other !== average) return reference;
    reference = 100;
  }
  return { outcome: ORDER_WORD[compareValues(indicator, own, reference)], values: [own, reference] };
}

export interface Trend {
  readonly outcome: TrendOutcome;
  /** Every year-on-year step went the same way as the whole span (for "stabil": no step moved). */
  readonly everyStep: boolean;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** The first step that went another way than the whole span, e.g. a fall in 2022 within a rise. */
  readonly firstOtherStep?: { readonly year: number; readonly outcome: ComparisonOutcome };
}

/**
 * A region's trend over the report's years from `from` to `to`: rose, fell
 * or stable by the change over the whole span; "variert" when the span ends
 * where it began but a step in between moved. Every year in the span must
 * have a value: a gap never produces a claim.
 */
export function trendOf(data: Dataset, indicator: Indicator, region: string, years: readonly number[]): Trend | Missing {
  const values: number[] = [];
  for (const year of years) {
    const value = valueOf(data, indicator, region, year);
    if (typeof value !== "number") return value;
    values.push(value);
  }
  const whole = ORDER_WORD[compareValues(indicator, values.at(-1)!, values[0]!)];
  const steps = values.slice(1).map((value, i) => ORDER_WORD[compareValues(indicator, value, values[i]!)]);
  const otherAt = steps.findIndex((step) => step !== whole);
  const outcome: TrendOutcome = whole === "høyere" ? "økt" : whole === "lavere" ? "nedgang" : otherAt === -1 ? "stabil" : "variert";
  return {
    outcome,
    everyStep: otherAt === -1,
    years,
    values,
    ...(otherAt === -1 ? {} : { firstOtherStep: { year: years[otherAt + 1]!, outcome: steps[otherAt]! } }),
  };
}

export interface Place {
  /** 1 = highest; regions within the tolerance of each other share a place. */
  readonly fromTop: number;
  readonly fromBottom: number;
  /** The municipalities ranked (those with a value that year). */
  readonly among: readonly string[];
}

/** The region's place among the municipalities the data hold a value for that year. */
export function placeOf(data: Dataset, indicator: Indicator, region: string, year: number): Place | Missing {
  const own = valueOf(data, indicator, region, year);
  if (typeof own !== "number") return own;
  const among = [...data.regions.values()].filter((r) => r.kind === "kommune" && data.value(indicator.id, r.id, year) !== undefined).map((r) => r.id);
  const orders = among.filter((id) => id !== region).map((id) => compareValues(indicator, data.value(indicator.id, id, year)!, own));
  return {
    fromTop: 1 + orders.filter((order) => order === "higher").length,
    fromBottom: 1 + orders.filter((order) => order === "lower").length,
    among: among.includes(region) ? among : [region, ...among],
  };
}

export const isMissing = (result: object): result is Missing => "missing" in result;
