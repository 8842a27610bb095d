import { describe, expect, it } from "vitest";
import { deviationFromAverage, efficiencyIndex, indexAgainst } from "../../src/indicators/index.js";
import { formatNumber } from "../../src/format/norwegian.js";

describe("derived indicators", () => {
  it("efficiency from the seed: production 100,7 and cost index 92,1 give 9,3 prosent above ASSS", () => {
    const efficiency = efficiencyIndex(100.7, 92.1);
    expect(formatNumber(deviationFromAverage(efficiency.value), 1)).toBe("9,3");
    expect(efficiency.from.map((f) => f.value)).toEqual([100.7, 92.1]);
  });

  it("the seed's deviations: production 0,7 higher, gross expenses 7,9 lower than the average", () => {
    expect(formatNumber(deviationFromAverage(100.7), 1)).toBe("0,7");
    expect(formatNumber(deviationFromAverage(92.1), 1)).toBe("\u22127,9");
  });

  it("tjenesteprofil index: value ÷ average × 100", () => {
    // Netto driftsutgifter per innbygger 6–15 år 2024 in the seed: Bærum 136,8, ASSS med Oslo 154,1.
    expect(formatNumber(indexAgainst(136.8, 154.1), 1)).toBe("88,8");
    expect(indexAgainst(50, 50)).toBe(100);
    expect(() => indexAgainst(1, 0)).toThrow(RangeError);
  });
});
