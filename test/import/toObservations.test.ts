import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/dataset.js";
import { ReportError } from "../../src/errors.js";
import { ssbMappings } from "../../src/import/catalogue.js";
import { parseJsonStat } from "../../src/import/jsonStat.js";
import { KOMMUNE_CHANGES_FILE, loadKommuneHistory } from "../../src/import/kommuneNumbers.js";
import { toObservations, type ImportContext } from "../../src/import/toObservations.js";
import { REPO, scratchProject } from "../helpers/project.js";

/**
 * A series that crosses both reforms: Bærum 0219 (to 2019) → 3024 (2020–2023)
 * → 3201 (2024), Asker 0220 + Røyken + Hurum → 3025 (2020) → 3203 (2024).
 * The body is written in SSB's JSON-stat 2.0 shape; its numbers are made up
 * for the test (the `note` says so).
 */
const years = ["2019", "2020", "2023", "2024"];
const regions = ["0219", "3024", "3201", "0220", "3025", "3203"];
const values = regions.flatMap((region, r) => years.map((year, y) => (inUse(region, Number(year)) ? 1000 + r * 10 + y : null)));
function inUse(region: string, year: number): boolean {
  if (region === "0219" || region === "0220") return year <= 2019;
  if (region === "3024" || region === "3025") return year >= 2020 && year <= 2023;
  return year >= 2024;
}
const body = JSON.stringify({
  version: "2.0",
  class: "dataset",
  label: "12362: Netto driftsutgifter (test fixture)",
  note: ["TEST FIXTURE: numbers made up for the importer's tests."],
  updated: "2025-06-16T06:00:00Z",
  id: ["KOKkommuneregion0000", "ContentsCode", "Tid"],
  size: [regions.length, 1, years.length],
  role: { geo: ["KOKkommuneregion0000"], metric: ["ContentsCode"], time: ["Tid"] },
  dimension: {
    KOKkommuneregion0000: { label: "region", category: { index: Object.fromEntries(regions.map((r, i) => [r, i])), label: Object.fromEntries(regions.map((r) => [r, r])) } },
    ContentsCode: { label: "statistikkvariabel", category: { index: { KOSAG210000: 0 }, label: { KOSAG210000: "Netto driftsutgifter per innbygger (kr)" } } },
    Tid: { label: "år", category: { index: Object.fromEntries(years.map((y, i) => [y, i])), label: Object.fromEntries(years.map((y) => [y, y])) } },
  },
  value: values,
  status: Object.fromEntries(values.flatMap((v, i) => (v === null ? [[String(i), "."]] : []))),
  extension: { px: { tableid: "12362" } },
});

let context: ImportContext;
const at = (region: string, year: string) => values[regions.indexOf(region) * years.length + years.indexOf(year)];

beforeEach(() => {
  const root = scratchProject();
  const data = loadDataset({ root, dataDir: join(root, "data"), year: 2025 });
  const indicators = new Map(data.indicators);
  const base = indicators.get("gruppestorrelse-1")!;
  indicators.set("nd", { ...base, id: "nd", unit: "kr", decimals: 0, ssb_table: "12362", ssb_contents: "KOSAG210000", ssb_dimensions: "", ssb_scale: 1 });
  context = {
    data: { ...data, indicators },
    mappings: ssbMappings(indicators.values()),
    history: loadKommuneHistory(join(REPO, KOMMUNE_CHANGES_FILE)),
    years: years.map(Number),
    allow: [],
    release: undefined,
    today: "2025-06-20",
  };
});

describe("SSB cells → observations across the kommune reforms", () => {
  it("Bærum's series lines up on 3201 from 0219, 3024 and 3201, each year from the number in use", () => {
    const result = toObservations(parseJsonStat(body, "test.json"), context);
    const baerum = result.rows.filter((row) => row.region === "3201").map((row) => [row.year, row.value]);
    expect(baerum).toEqual([
      [2019, at("0219", "2019")],
      [2020, at("3024", "2020")],
      [2023, at("3024", "2023")],
      [2024, at("3201", "2024")],
    ]);
  });

  it("Asker before the merger is not carried over: it is listed, and taken only when allowed", () => {
    const result = toObservations(parseJsonStat(body, "test.json"), context);
    expect(result.rows.filter((row) => row.region === "3203" && row.value !== undefined).map((row) => row.year)).toEqual([2020, 2023, 2024]);
    // For 2019 SSB's own answer under 3203 stays: "." (the number was not in use), never a summed or borrowed value.
    expect(result.rows.find((row) => row.region === "3203" && row.year === 2019)).toMatchObject({ status: "." });
    expect(result.ambiguousRegions.join("\n")).toMatch(/^0220 Asker ble slått sammen med 0627 Røyken, 0628 Hurum til 3025 Asker 2020-01-01: ikke overført \(ta det med med --allow 0220=3025\)$/);
    const allowed = toObservations(parseJsonStat(body, "test.json"), { ...context, allow: [{ from: "0220", to: "3025" }] });
    expect(allowed.rows.find((row) => row.region === "3203" && row.year === 2019)?.value).toBe(at("0220", "2019"));
  });

  it("a figure updated before 15 June of the next year is preliminary, after it final; SSB's table is the source", () => {
    const march = toObservations(parseJsonStat(body.replace("2025-06-16T06:00:00Z", "2025-03-15T07:00:00Z"), "test.json"), context);
    expect(march.rows.find((row) => row.year === 2024)).toMatchObject({ release: "foreløpig", source: "SSB 12362", updated: "2025-03-15T07:00:00Z", imported: "2025-06-20", basis: "tabell" });
    expect(march.rows.find((row) => row.year === 2023)?.release).toBe("endelig");
  });

  it("a table no indicator maps to is refused by name", () => {
    expect(() => toObservations(parseJsonStat(body.replace(/12362/g, "05300"), "other.json"), context)).toThrow(ReportError);
    expect(() => toObservations(parseJsonStat(body.replace(/12362/g, "05300"), "other.json"), context)).toThrow("ingen indikator hører til tabell 05300");
  });
});
