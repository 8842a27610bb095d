import type { ReportDefinition } from "../../config/definitionSchema.js";
import type { Dataset, Indicator } from "../../data/dataset.js";
import { msg } from "../../messages/catalogue.js";
import type { Message } from "../../messages/message.js";
import { formatHelperValue, NUMBER_HELPERS } from "../helpers.js";
import { compareRegions, isMissing, placeOf, trendOf, type ComparisonOutcome } from "./evaluate.js";
import type { PlainClaim } from "./plainWords.js";

/**
 * A plain-words claim held against the data: it agrees, it contradicts them
 * (with what the data say, and the expression that would keep it true), or
 * it cannot be checked (not tied to an indicator, a value missing, too few
 * municipalities to rank) — and then nothing is concluded.
 */
export type Verdict =
  | { readonly status: "agrees"; readonly says: Message }
  | { readonly status: "contradicts"; readonly says: Message; readonly expression: string }
  | { readonly status: "unchecked"; readonly says: Message };

export interface JudgeContext {
  readonly data: Dataset;
  readonly definition: ReportDefinition;
}

const name = (data: Dataset, region: string) => data.regions.get(region)?.name ?? region;
/** A value as the text would say it, in the indicator's unit: "108 173 kr", "5,3 prosent" — as {{verdi}} prints it. */
const shown = (indicator: Indicator, value: number, unit = true) => formatHelperValue(value, NUMBER_HELPERS.get("verdi")!.unitOf(indicator), indicator, { abs: false, unit });
/** A series with the unit once, after its last value: "7,7 → 7,5 → 8,5 prosent". */
const series = (indicator: Indicator, values: readonly number[]) => values.map((v, i) => shown(indicator, v, i === values.length - 1)).join(" → ");

export function judge(claim: PlainClaim, { data, definition }: JudgeContext): Verdict {
  const indicator = claim.indicator;
  if (!indicator) return { status: "unchecked", says: msg.claims.untied() };
  const subject = name(data, claim.subject);
  if (claim.kind === "sammenligning") {
    const wrong: string[] = [];
    const facts: string[] = [];
    for (const target of claim.targets) {
      const found = compareRegions(data, definition.average, indicator, claim.subject, target, claim.year);
      if (isMissing(found)) return { status: "unchecked", says: msg.claims.valueMissing(found.missing.indicator, name(data, found.missing.region), found.missing.year) };
      facts.push(msg.claims.comparisonFact(name(data, target), shown(indicator, found.values[1]), found.outcome).text);
      if (found.outcome !== claim.claimed) wrong.push(target);
    }
    const says = msg.claims.comparisonSays(indicator.id, subject, claim.year, shown(indicator, data.value(indicator.id, claim.subject, claim.year)!), facts);
    if (wrong.length === 0) return { status: "agrees", says };
    const target = wrong[0]!;
    return { status: "contradicts", says, expression: `{{sammenlign "${indicator.id}" "${subject}" "${name(data, target)}" ${claim.year}}}` };
  }
  if (claim.kind === "utvikling") {
    if (claim.span.length < 2) return { status: "unchecked", says: msg.claims.spanTooShort() };
    const found = trendOf(data, indicator, claim.subject, claim.span);
    if (isMissing(found)) return { status: "unchecked", says: msg.claims.valueMissing(found.missing.indicator, name(data, found.missing.region), found.missing.year) };

    const other = found.firstOtherStep;
    const says = msg.claims.trendSays(indicator.id, subject, found.years[0]!, found.years.at(-1)!, series(indicator, found.values), found.outcome, other ? { year: other.year, outcome: other.outcome as ComparisonOutcome } : undefined);
    const agrees = found.outcome === claim.claimed && (!claim.everyYear || found.everyStep);
    if (agrees) return { status: "agrees", says };
    return { status: "contradicts", says, expression: `{{utvikling "${indicator.id}" "${subject}" ${found.years[0]} ${found.years.at(-1)}}}` };
  }
  const found = placeOf(data, indicator, claim.subject, claim.year);
  if (isMissing(found)) return { status: "unchecked", says: msg.claims.valueMissing(found.missing.indicator, name(data, found.missing.region), found.missing.year) };
  if (found.among.length < 2) return { status: "unchecked", says: msg.claims.tooFewToRank(indicator.id, claim.year, found.among.length) };
  const top = claim.claimed === "høyest";
  const actual = top ? found.fromTop : found.fromBottom;
  const ranked = [...found.among]
    .sort((a, b) => data.value(indicator.id, b, claim.year)! - data.value(indicator.id, a, claim.year)!)
    .map((id) => `${name(data, id)} ${shown(indicator, data.value(indicator.id, id, claim.year)!)}`);
  const says = msg.claims.placeSays(indicator.id, claim.year, ranked);
  if (actual === (claim.place ?? 1)) return { status: "agrees", says };
  return { status: "contradicts", says, expression: `{{plassering "${indicator.id}" "${subject}" ${claim.year}}}` };
}
