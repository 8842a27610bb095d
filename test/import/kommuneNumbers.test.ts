import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { changesFromCsv, changesToCsv, klassChangesFromJson } from "../../src/import/klassChanges.js";
import { KommuneHistory, loadKommuneHistory } from "../../src/import/kommuneNumbers.js";
import { errorOf, fixture } from "./helpers.js";

// Real data: the shipped CSV, generated from SSB's KLASS answer (test/fixtures/ssb/klass131-changes.json).
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shipped = join(root, "data", "ssb", "kommunenummer-endringer.csv");
const history = loadKommuneHistory(shipped, "data/ssb/kommunenummer-endringer.csv");

describe("the shipped kommunenummer-endringer.csv", () => {
  it("is exactly what scripts/klass-changes.ts makes of the real KLASS response: every row, in order", () => {
    const changes = klassChangesFromJson(fixture("klass131-changes.json"), "klass131-changes.json");
    expect(changes).toHaveLength(594);
    expect(readFileSync(shipped, "utf8")).toBe(changesToCsv(changes));
    expect(history.changes).toEqual(changes);
  });

  it("round-trips names with commas and quotes", () => {
    const odd = [{ oldCode: "0001", oldName: 'A, "B"', newCode: "0002", newName: "C", changeOccurred: "2020-01-01" }];
    expect(changesFromCsv(changesToCsv(odd), "x.csv")).toEqual(odd);
  });
});

describe("today's municipality number", () => {
  it("follows one-to-one chains: Bærum 0219 → 3024 → 3201, Asker 3025 → 3203", () => {
    const bærum = history.resolve("0219");
    expect(bærum).toMatchObject({ kind: "renumbered", code: "3201" });
    expect(bærum.kind === "renumbered" && bærum.steps.map((s) => `${s.oldCode}→${s.newCode} ${s.changeOccurred}`)).toEqual([
      "0219→3024 2020-01-01",
      "3024→3201 2024-01-01",
    ]);
    expect(history.resolve("3024")).toMatchObject({ kind: "renumbered", code: "3201" });
    expect(history.resolve("3025")).toMatchObject({ kind: "renumbered", code: "3203" });
    expect(history.resolve("3201")).toEqual({ kind: "unchanged", code: "3201" });
  });

  it("a code that never changed is itself", () => {
    expect(history.resolve("0301")).toEqual({ kind: "unchanged", code: "0301" });
    expect(history.changes.some((c) => c.oldCode === "0301")).toBe(false);
  });

  it("a merge is ambiguous and lists every municipality in it: Asker 0220 + Røyken 0627 + Hurum 0628 → 3025", () => {
    const asker = history.resolve("0220");
    expect(asker).toEqual({ kind: "ambiguous", reason: "merge", date: "2020-01-01", from: ["0220", "0627", "0628"], to: ["3025"], steps: [] });
    if (asker.kind !== "ambiguous") throw new Error("expected ambiguous");
    expect(history.describe(asker)).toBe(
      "0220 Asker ble slått sammen med 0627 Røyken, 0628 Hurum til 3025 Asker 2020-01-01",
    );
    expect(history.resolve("0627")).toMatchObject({ kind: "ambiguous", reason: "merge", from: ["0627", "0220", "0628"] });
  });

  it("an allowed merge step is followed to today's code", () => {
    const asker = history.resolve("0220", { allow: [{ from: "0220", to: "3025" }] });
    expect(asker).toMatchObject({ kind: "renumbered", code: "3203" });
    expect(history.resolve("0627", { allow: [{ from: "0220", to: "3025" }] })).toMatchObject({ kind: "ambiguous" });
  });

  it("a split is ambiguous with every successor: Snillfjord 5012 → 5055, 5056, 5059", () => {
    expect(history.resolve("5012")).toEqual({ kind: "ambiguous", reason: "split", date: "2020-01-01", from: ["5012"], to: ["5055", "5056", "5059"], steps: [] });
    // Allowing a step accepts it as a whole: the part of Snillfjord that went to Orkland counts as Orkland.
    expect(history.resolve("5012", { allow: [{ from: "5012", to: "5059" }] })).toMatchObject({ kind: "renumbered", code: "5059" });
  });

  it("the year the code was in use decides which changes apply: Trondheim 5001 took in Klæbu in 2020", () => {
    expect(history.resolve("5001", { validIn: 2019 })).toMatchObject({ kind: "ambiguous", reason: "merge", from: ["5001", "5030"], to: ["5001"] });
    // Figures for 2020 or later already cover today's Trondheim; the 2023 rename keeps the code.
    expect(history.resolve("5001", { validIn: 2020 })).toEqual({ kind: "unchanged", code: "5001" });
    expect(history.resolve("5001", { validIn: "2020-01-01" })).toEqual({ kind: "unchanged", code: "5001" });
    // Trondheim 1601 (until 2017) became 5001 one-to-one in 2018, then the 2020 merge.
    expect(history.resolve("1601", { validIn: 2017 })).toMatchObject({ kind: "ambiguous", reason: "merge", steps: [expect.objectContaining({ oldCode: "1601", newCode: "5001" })] });
  });

  it("a target year stops the chain there", () => {
    expect(history.resolve("0219", { at: 2023 })).toMatchObject({ kind: "renumbered", code: "3024" });
    expect(history.resolve("0219", { at: 2024 })).toMatchObject({ kind: "renumbered", code: "3201" });
    expect(history.resolve("0219", { at: 2019 })).toEqual({ kind: "unchanged", code: "0219" });
  });
});

describe("bad change files", () => {
  it("a KLASS answer without codeChanges", () => {
    expect(errorOf(() => klassChangesFromJson('{"classificationItems": []}', "k.json")).format()).toBe(
      "k.json: ikke et svar fra KLASS om endringer: ingen liste «codeChanges» (lagre svaret fra https://data.ssb.no/api/klass/v1/classifications/131/changes?from=…&to=… som JSON)",
    );
  });

  it("a CSV row without a date, with its line", () => {
    const text = "oldCode,oldName,newCode,newName,changeOccurred\n0219,Bærum,3024,Bærum,2020-01-01\n3024,Bærum,3201,Bærum,\n";
    expect(errorOf(() => new KommuneHistory(changesFromCsv(text, "e.csv"))).format()).toBe("e.csv:3: rad 2: «changeOccurred» mangler");
  });
});
