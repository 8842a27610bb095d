/**
 * Derived values. Each is computed from data, never typed, and returns what
 * it was computed from so captions and notes can say so.
 */

export interface Derived {
  readonly value: number;
  readonly from: readonly { readonly label: string; readonly value: number }[];
}

/** The municipality against the average = 100 (tjenesteprofil). */
export function indexAgainst(value: number, average: number): number {
  if (average === 0) throw new RangeError("the average is 0; an index against it is undefined");
  return (value / average) * 100;
}

/**
 * Relative efficiency: production per krone against the average,
 * production index ÷ cost index × 100. 100,7 and 92,1 give 109,3, that is
 * 9,3 prosent more efficient than the average.
 */
export function efficiencyIndex(productionIndex: number, costIndex: number): Derived {
  return {
    value: indexAgainst(productionIndex, costIndex),
    from: [
      { label: "produksjonsindeks", value: productionIndex },
      { label: "utgiftsindeks", value: costIndex },
    ],
  };
}

/** How far an index lies from 100, in percent: 92,1 → −7,9. */
export function deviationFromAverage(index: number): number {
  return index - 100;
}
