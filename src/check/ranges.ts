import { plausibleRange } from "../data/schemas.js";
import { formatNumber } from "../format/norwegian.js";
import { msg } from "../messages/catalogue.js";
import type { CheckInputs } from "./context.js";
import { error, type Finding } from "./finding.js";

/**
 * A value its indicator cannot take: a share of 140 %, a negative number of
 * pupils per school. Such a value is a typing or import mistake, and the
 * report would print it as a fact, so it is an error with the row's line.
 */
export function checkRanges({ data }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const row of data.observations) {
    const indicator = data.indicators.get(row.value.indicator);
    if (!indicator || indicator.derivedFrom) continue;
    const { min, max } = plausibleRange(indicator);
    const value = row.value.value;
    if (value === undefined || (value >= min && value <= max)) continue;
    const [from, to] = [Number.isFinite(min) ? formatNumber(min) : "−∞", Number.isFinite(max) ? formatNumber(max) : "∞"];
    findings.push(error({ file: row.file, line: row.line, column: 4 }, msg.check.impossibleValue(formatNumber(value, indicator.decimals), indicator.id, indicator.unit, from, to)));
  }
  return findings;
}
