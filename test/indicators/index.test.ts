import { readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDefinition } from "../../src/config/loadDefinition.js";
import { loadDataset } from "../../src/data/dataset.js";
import { formatNumber } from "../../src/format/norwegian.js";
import { withDerivedIndicators } from "../../src/indicators/derive.js";
import { deviationFromAverage, indexAgainst } from "../../src/indicators/index.js";
import { replaceInFile } from "../helpers/edit.js";
import { errorOf } from "../helpers/errors.js";
import { REPO, scratchProject } from "../helpers/project.js";

describe("derived indicators", () => {
  it("efficiency from the seed: production 100,7 and cost index 92,1 give 9,3 prosent above ASSS", () => {
    const definition = loadDefinition(`${REPO}/data/2025/report.yaml`, "report.yaml");
    const data = withDerivedIndicators(loadDataset({ root: REPO, dataDir: `${REPO}/data`, year: 2025 }), definition.derived, "report.yaml");
    expect(data.value("produksjonsindeks", "3201", 2024)).toBe(100.7);
    expect(data.value("kostnadsindeks-brutto", "3201", 2024)).toBe(92.1);
    const efficiency = data.value("effektivitet", "3201", 2024)!;
    expect(formatNumber(efficiency, 1)).toBe("109,3");
    expect(formatNumber(deviationFromAverage(efficiency), 1)).toBe("9,3");
    expect(data.indicators.get("effektivitet")!.derivedFrom).toBe("produksjonsindeks ÷ kostnadsindeks-brutto × 100");
    expect(data.observation("effektivitet", "3201", 2024)!.value.note).toContain("Beregnet");
    // Only where both inputs exist: the seed gives no 2023 index values.
    expect(data.value("effektivitet", "3201", 2023)).toBeUndefined();
  });

  it("the seed's deviations: production 0,7 higher, gross expenses 7,9 lower than the average", () => {
    expect(formatNumber(deviationFromAverage(100.7), 1)).toBe("0,7");
    expect(formatNumber(deviationFromAverage(92.1), 1)).toBe("\u22127,9");
  });

  it("tjenesteprofil index: value ÷ average × 100", () => {
    // Netto driftsutgifter per innbygger 6–15 år 2024 in the seed: Bærum 136,8, ASSS med Oslo 154,1.
    expect(formatNumber(indexAgainst(136.8, 154.1), 1)).toBe("88,8");
    expect(indexAgainst(50, 50)).toBe(100);
    // Issue 20: it was a RangeError in English, «intern feil» to the user.
    expect(errorOf(() => indexAgainst(1, 0)).id).toBe("data.indexAgainstZero");
  });

  it("an index against 0 (an average, or a derived indicator's denominator) is a located Norwegian error at that value", () => {
    const root = scratchProject();
    try {
      replaceInFile(root, "data/2025/observations.csv", "\nkostnadsindeks-brutto,3201,2024,92.1,", "\nkostnadsindeks-brutto,3201,2024,0,");
      const definition = loadDefinition(`${root}/data/2025/report.yaml`, "report.yaml");
      const line = readFileSync(`${root}/data/2025/observations.csv`, "utf8").split("\n").findIndex((l) => l.startsWith("kostnadsindeks-brutto,3201,2024,")) + 1;
      const error = errorOf(() => withDerivedIndicators(loadDataset({ root, dataDir: `${root}/data`, year: 2025 }), definition.derived, "report.yaml"));
      expect(error.id).toBe("data.indexAgainstZero");
      expect(error.format()).toBe(`data/2025/observations.csv:${line}: kostnadsindeks-brutto for 3201 i 2024 er 0, og det kan ikke regnes indeks mot 0 (rett tallet i observations.csv, eller la verdien stå tom med en status hvis tallet ikke finnes)`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
