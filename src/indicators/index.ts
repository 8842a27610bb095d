import type { Located } from "../data/csv.js";
import type { ObservationRow } from "../data/schemas.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/**
 * The arithmetic of derived values, in one place: indices against an
 * average and their distance from it. Derived indicators (derive.ts), the
 * tjenesteprofil and the commentary's `avvik` all use these.
 */

/**
 * The municipality against the average = 100 (tjenesteprofil). An average
 * of 0 has no index: a located error at `averageRow`, the observation the
 * average was read from, when the caller has it.
 */
export function indexAgainst(value: number, average: number, averageRow?: Located<ObservationRow>): number {
  if (average === 0) {
    const row = averageRow?.value;
    const location = averageRow ? { location: { file: averageRow.file, line: averageRow.line } } : {};
    throw new ReportError(msg.data.indexAgainstZero(row ? { indicator: row.indicator, region: row.region, year: row.year } : undefined), location);
  }
  return (value / average) * 100;
}

/** How far an index lies from 100, in percent: 92,1 → −7,9. */
export function deviationFromAverage(index: number): number {
  return index - 100;
}
