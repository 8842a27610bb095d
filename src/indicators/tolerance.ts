import type { Indicator } from "../data/dataset.js";
import type { Unit } from "../data/schemas.js";

/**
 * When two values are "about the same" and a change is "stable": the rule
 * every claim in the commentary is decided by, the written ones
 * (`{{sammenlign …}}`, `{{utvikling …}}`, `{{plassering …}}`) and the plain
 * words `npm run check` reads.
 *
 * 1. Values are compared as the reader sees them: each rounded to the
 *    indicator's printed decimals. A difference that does not show in print
 *    is no difference, so "høyere" never stands beside two equal numbers.
 * 2. A difference (or a change) no larger than the tolerance is "about the
 *    same" ("stable"); only a larger one is "higher"/"lower" ("rose"/"fell").
 * 3. The tolerance is in the unit's own terms. Shares and indices: an
 *    absolute amount in percentage points / index points. Counts (elever,
 *    barn, timer, årsverk, poeng): an absolute amount of the unit. Kroner: a
 *    share of the value compared against, in percent. `tolerance` in
 *    data/indicators.csv overrides the default: "0.3" (absolute) or "2%"
 *    (relative).
 */
export interface Tolerance {
  readonly amount: number;
  /** Relative: `amount` percent of the reference value; else absolute, in the indicator's unit. */
  readonly relative: boolean;
}

/**
 * The smallest step one decimal can show. Two values each rounded to one
 * decimal (±0,05) can print 0,1 apart and be equal in truth, so a printed
 * difference of one step is within rounding and never makes a claim.
 */
export const ONE_PRINTED_STEP = 0.1;

/**
 * Kroner: 1 % of the amount compared against. Kroner per elev or per
 * innbygger differ by hundreds between years through prices alone; a
 * difference under one percent is smaller than a year's price growth and
 * than what KOSTRA's accounting practice varies by between municipalities.
 */
export const KRONER_RELATIVE_PERCENT = 1;

export const DEFAULT_TOLERANCE: Readonly<Record<Unit, Tolerance>> = {
  prosent: { amount: ONE_PRINTED_STEP, relative: false },
  prosentpoeng: { amount: ONE_PRINTED_STEP, relative: false },
  indeks: { amount: ONE_PRINTED_STEP, relative: false },
  elever: { amount: ONE_PRINTED_STEP, relative: false },
  barn: { amount: ONE_PRINTED_STEP, relative: false },
  timer: { amount: ONE_PRINTED_STEP, relative: false },
  årsverk: { amount: ONE_PRINTED_STEP, relative: false },
  poeng: { amount: ONE_PRINTED_STEP, relative: false },
  kr: { amount: KRONER_RELATIVE_PERCENT, relative: true },
};

/** The indicator's own tolerance (indicators.csv), or its unit's default. */
export function toleranceOf(indicator: Indicator): Tolerance {
  return indicator.tolerance ?? DEFAULT_TOLERANCE[indicator.unit];
}

/** How `tolerance` reads in running text and in the README: "0,1 prosentpoeng", "1 %". */
export function describeTolerance(indicator: Indicator): { amount: number; relative: boolean } {
  return toleranceOf(indicator);
}

export type Order = "higher" | "lower" | "same";

/** Floating-point slack when comparing rounded numbers (5,3 − 5,2 is 0,0999…). */
const SLACK = 1e-9;

const rounded = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** `value` against `reference` by the rule above. */
export function compareValues(indicator: Indicator, value: number, reference: number): Order {
  const a = rounded(value, indicator.decimals);
  const b = rounded(reference, indicator.decimals);
  const difference = a - b;
  const tolerance = toleranceOf(indicator);
  const allowed = tolerance.relative ? (Math.abs(b) * tolerance.amount) / 100 : tolerance.amount;
  if (Math.abs(difference) <= allowed + SLACK || Math.abs(difference) < SLACK) return "same";
  return difference > 0 ? "higher" : "lower";
}
