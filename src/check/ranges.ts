import { plausibleRange } from "../data/schemas.js";
import { formatNumber } from "../format/norwegian.js";
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
    const range = `${Number.isFinite(min) ? formatNumber(min) : "−∞"} to ${Number.isFinite(max) ? formatNumber(max) : "∞"}`;
    findings.push(
      error(
        { file: row.file, line: row.line, column: 4 },
        `${formatNumber(value, indicator.decimals)} is not a possible value of ${indicator.id} (${indicator.unit}: ${range})`,
        `correct the value; if the indicator really can take it, give it min/max in data/indicators.csv`,
      ),
    );
  }
  return findings;
}
