import { describe, expect, it } from "vitest";
import { contrastRatio, regionColors, SEQUENTIAL_BLUES } from "../../src/charts/palette.js";
import type { Region } from "../../src/data/dataset.js";

/** WCAG 1.4.11: graphical objects need 3:1 against what they stand on (the white page). */
describe("chart palette", () => {
  const list: Region[] = [
    { id: "3201", name: "Bærum", short_name: "Bærum", kind: "kommune" },
    { id: "3203", name: "Asker", short_name: "Asker", kind: "kommune" },
    { id: "0301", name: "Oslo", short_name: "Oslo", kind: "kommune" },
    { id: "5001", name: "Trondheim", short_name: "Trondheim", kind: "kommune" },
    { id: "4601", name: "Bergen", short_name: "Bergen", kind: "kommune" },
    { id: "asss", name: "ASSS", short_name: "ASSS", kind: "snitt" },
    { id: "asss-med-oslo", name: "ASSS med Oslo", short_name: "ASSS med Oslo", kind: "snitt" },
  ];
  const regions = new Map(list.map((r) => [r.id, r]));

  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#FFFFFF", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#E69F00", "#FFFFFF")).toBeCloseTo(2.25, 2);
  });

  it("gives every region a colour with at least 3:1 against white, the municipality blue", () => {
    const colors = regionColors("3201", regions);
    expect(colors.get("3201")).toBe("#0072B2");
    for (const [id, color] of colors) expect(contrastRatio(color, "#FFFFFF"), `${id} ${color}`).toBeGreaterThanOrEqual(3);
    const municipalities = [...colors].filter(([id]) => regions.get(id)!.kind === "kommune").map(([, c]) => c);
    expect(new Set(municipalities).size).toBe(municipalities.length);
  });

  it("keeps every stacked segment colour at 3:1 against white", () => {
    for (const color of SEQUENTIAL_BLUES) expect(contrastRatio(color, "#FFFFFF"), color).toBeGreaterThanOrEqual(3);
  });
});
