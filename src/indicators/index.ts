/**
 * The arithmetic of derived values, in one place: indices against an
 * average and their distance from it. Derived indicators (derive.ts), the
 * tjenesteprofil and the commentary's `avvik` all use these.
 */

/** The municipality against the average = 100 (tjenesteprofil). */
export function indexAgainst(value: number, average: number): number {
  if (average === 0) throw new RangeError("the average is 0; an index against it is undefined");
  return (value / average) * 100;
}

/** How far an index lies from 100, in percent: 92,1 → −7,9. */
export function deviationFromAverage(index: number): number {
  return index - 100;
}
