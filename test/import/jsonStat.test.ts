import { describe, expect, it } from "vitest";
import { parseJsonStat } from "../../src/import/jsonStat.js";
import { errorOf, fixture } from "./helpers.js";

// 12134-v2-json-stat2.json is a real PxWebApi v2 body. The other *-fixture.json files are
// TEST FIXTURES in SSB's exact shape with invented numbers (each says so in its `note`).
const real = () => fixture("12134-v2-json-stat2.json");
const kostra = () => parseJsonStat(fixture("12362-kostra-fixture.json"), "12362.json");

/** The real body with one change, for the error cases. */
function edited(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(real()) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
}

describe("JSON-stat 2.0 from PxWebApi v2", () => {
  it("reads the real 12134 body: table, label, notes and one cell per region", () => {
    const data = parseJsonStat(real(), "data/2025/ssb/12134-1.json");
    expect(data).toMatchObject({
      file: "data/2025/ssb/12134-1.json",
      format: "json-stat2",
      table: "12134",
      updated: "2026-03-16T07:00:00Z",
      source: "Statistisk sentralbyrå",
    });
    expect(data.label).toMatch(/^12134: Utvalgte nøkkeltall/);
    expect(data.notes).toHaveLength(5);
    expect(data.cells).toEqual([
      { contents: "KOSAG110000", contentsLabel: "Frie inntekter per innbygger (kr)", region: "0301", regionLabel: "Oslo - Oslove", year: 2024, dimensions: {}, value: 81240, unit: "kr", decimals: 0 },
      { contents: "KOSAG110000", contentsLabel: "Frie inntekter per innbygger (kr)", region: "4601", regionLabel: "Bergen", year: 2024, dimensions: {}, value: 66605, unit: "kr", decimals: 0 },
      { contents: "KOSAG110000", contentsLabel: "Frie inntekter per innbygger (kr)", region: "5001", regionLabel: "Trondheim - Tråante", year: 2024, dimensions: {}, value: 62853, unit: "kr", decimals: 0 },
    ]);
  });

  it("reads a KOSTRA table with ContentsCode first, KOKfunksjon0000, a one-category dimension without index and a year gap", () => {
    const data = kostra();
    expect(data.table).toBe("12362");
    expect(data.cells).toHaveLength(36);
    expect([...new Set(data.cells.map((c) => c.year))]).toEqual([2021, 2023, 2024]);
    const cell = (contents: string, region: string, funksjon: string, year: number) =>
      data.cells.find((c) => c.contents === contents && c.region === region && c.dimensions.KOKfunksjon0000 === funksjon && c.year === year);
    // Row-major: ContentsCode slowest, Tid fastest; flat index 1 is KOSAG210000/3024/202/B/2023.
    expect(cell("KOSAG210000", "3024", "202", 2023)).toEqual({
      contents: "KOSAG210000",
      contentsLabel: "Netto driftsutgifter per innbygger (kr)",
      region: "3024",
      regionLabel: "Bærum (2020-2023)",
      year: 2023,
      dimensions: { KOKfunksjon0000: "202", KOKregnskapsomfa0000: "B" },
      value: 18366,
      unit: "kr",
      decimals: 0,
    });
    expect(cell("KOSAG220000", "EAKUO", "202", 2024)).toMatchObject({ regionLabel: "Landet uten Oslo", value: 26.1, unit: "prosent", decimals: 1 });
  });

  it("keeps SSB's symbols: a missing cell is null with its status, never 0", () => {
    const data = kostra();
    const find = (region: string, contents: string, funksjon: string, year: number) =>
      data.cells.find((c) => c.region === region && c.contents === contents && c.dimensions.KOKfunksjon0000 === funksjon && c.year === year);
    expect(find("3024", "KOSAG210000", "202", 2024)).toMatchObject({ value: null, status: "." });
    expect(find("EAKUO", "KOSAG210000", "213", 2024)).toMatchObject({ value: null, status: ".." });
    expect(find("3201", "KOSAG220000", "213", 2024)).toMatchObject({ value: null, status: ":" });
    expect(find("3201", "KOSAG210000", "202", 2024)).not.toHaveProperty("status");
    expect(data.cells.filter((c) => c.value === null).every((c) => c.status !== undefined)).toBe(true);
  });

  it("a number sent together with a missing-value symbol becomes null", () => {
    const data = parseJsonStat(edited((doc) => (doc.status = { "1": ".." })), "x.json");
    expect(data.cells[1]).toMatchObject({ region: "4601", value: null, status: ".." });
    expect(data.cells[0]).toMatchObject({ value: 81240 });
  });

  it('"-" is SSB\'s nil: the value 0, keeping the symbol', () => {
    const data = parseJsonStat(edited((doc) => {
      doc.value = [81240, null, 62853];
      doc.status = { "1": "-" };
    }), "x.json");
    expect(data.cells[1]).toMatchObject({ value: 0, status: "-" });
  });
});

describe("the older API's JSON-stat 2.0", () => {
  it("reads index arrays, a status array, no roles, Region last and the table from the label", () => {
    const data = parseJsonStat(fixture("12134-v1-style-fixture.json"), "v1.json");
    expect(data.table).toBe("12134");
    expect(data.notes).toEqual([expect.stringContaining("TEST FIXTURE")]);
    expect(data.cells).toHaveLength(9);
    expect(data.cells.slice(0, 3).map((c) => [c.region, c.year, c.value])).toEqual([
      ["0301", 2022, 77310],
      ["3201", 2022, 70120],
      ["4601", 2022, null],
    ]);
    expect(data.cells[2]).toMatchObject({ status: "...", contents: "KOSAG110000", regionLabel: "Bergen" });
    expect(data.cells[8]).toMatchObject({ region: "4601", year: 2024, value: 66605, dimensions: {} });
  });

  it("accepts status as one string for all values", () => {
    const data = parseJsonStat(edited((doc) => (doc.status = "*")), "x.json");
    expect(data.cells.map((c) => c.status)).toEqual(["*", "*", "*"]);
    expect(data.cells[0]!.value).toBe(81240);
  });

  it("uses the table number given by the caller when the file names none", () => {
    const text = edited((doc) => {
      doc.label = "Utvalgte nøkkeltall";
      doc.extension = {};
    });
    expect(parseJsonStat(text, "x.json", { table: "12134" }).table).toBe("12134");
    expect(errorOf(() => parseJsonStat(text, "x.json")).format()).toBe(
      "x.json: kan ikke se hvilken SSB-tabell dette er (ventet extension.px.tableid eller en tittel som begynner med tabellnummeret («12134: …»))",
    );
  });
});

describe("bad JSON-stat input is one line naming the file", () => {
  const message = (text: string) => errorOf(() => parseJsonStat(text, "data/ssb/12134.json")).format();

  it("not JSON", () => {
    expect(message("<!DOCTYPE html><html>")).toBe(
      'data/ssb/12134.json:1:1: ikke JSON: filen begynner med "<!DOCTYPE html><html" (last ned tabellen som JSON-stat 2.0 (PxWebApi: outputFormat=json-stat2))',
    );
  });

  it("truncated JSON, with the position", () => {
    const text = real();
    // The reason in the middle is V8's own wording; file, line:column, position and hint are ours.
    expect(message(text.slice(0, 1000))).toMatch(
      /^data\/ssb\/12134\.json:1:1001: avkuttet, eller ikke JSON: [^(]+ ved tegn 1000 \(nedlastingen kan ha blitt avbrutt; hent tabellen på nytt fra SSB\)$/,
    );
    const cut = text.indexOf("[81240") + 6; // cut off inside "value"
    expect(message(text.slice(0, cut))).toMatch(new RegExp(`^data/ssb/12134\\.json:1:${cut + 1}: avkuttet, eller ikke JSON: .+ ved tegn ${cut} \\(`));
    expect(message('{\n  "version": "2.0",\n  "class" "dataset"\n}')).toMatch(/^data\/ssb\/12134\.json:3:11: avkuttet, eller ikke JSON: .+ ved tegn 32 \(/);
  });

  it("JSON-stat 1", () => {
    const v1 = JSON.stringify({ dataset: { dimension: { id: ["Tid"], size: [1] }, value: [1] } });
    expect(message(v1)).toBe(
      "data/ssb/12134.json: dette er JSON-stat 1 (uten «version»: «2.0»), som ikke leses (last ned tabellen som JSON-stat 2.0 (PxWebApi: outputFormat=json-stat2))",
    );
  });

  it("an SSB error body saved as data", () => {
    expect(message('{"type":"Parameter error","title":"Non-existent value","status":400}')).toBe(
      "data/ssb/12134.json: dette er en feilmelding fra SSB, ikke tall: Non-existent value (HTTP 400) (rett spørringen og last ned tabellen på nytt)",
    );
  });

  it("value shorter or longer than the product of size", () => {
    expect(message(edited((doc) => (doc.value = [1, 2])))).toBe("data/ssb/12134.json: «value» har 2 tall, men tabellen har 3 × 1 × 1 = 3 celler (hent tabellen på nytt fra SSB)");
    expect(message(edited((doc) => (doc.value = [1, 2, 3, 4])))).toBe("data/ssb/12134.json: «value» har 4 tall, men tabellen har 3 × 1 × 1 = 3 celler (hent tabellen på nytt fra SSB)");
  });

  it("a status index out of range", () => {
    expect(message(edited((doc) => (doc.status = { "3": ".." })))).toBe("data/ssb/12134.json: «status»: plass «3» er utenfor tabellens 3 celler (hent tabellen på nytt fra SSB)");
    expect(message(edited((doc) => (doc.status = [".", ".."])))).toBe("data/ssb/12134.json: «status» har 2 tall, men tabellen har 3 celler (hent tabellen på nytt fra SSB)");
  });

  it("a size/id mismatch", () => {
    expect(message(edited((doc) => (doc.size = [3, 1])))).toBe("data/ssb/12134.json: «id» nevner 3 dimensjoner, men «size» har 2 tall (hent tabellen på nytt fra SSB)");
    expect(message(edited((doc) => (doc.size = [4, 1, 1])))).toBe("data/ssb/12134.json: dimensjonen «KOKkommuneregion0000» har 3 kategorier, men «size» sier 4 (hent tabellen på nytt fra SSB)");
  });

  it("a collection instead of a dataset, and category positions that do not fit", () => {
    expect(message(edited((doc) => (doc.class = "collection")))).toBe(
      'data/ssb/12134.json: en JSON-stat "collection", ikke et «dataset» (last ned én tabell som dataset (outputFormat=json-stat2))',
    );
    const clash = edited((doc) => {
      const dimension = doc.dimension as Record<string, { category: { index: unknown } }>;
      dimension.KOKkommuneregion0000!.category.index = { "0301": 0, "4601": 0, "5001": 2 };
    });
    const unordered = edited((doc) => {
      const dimension = doc.dimension as Record<string, { category: { index?: unknown } }>;
      delete dimension.KOKkommuneregion0000!.category.index;
    });
    expect(message(unordered)).toBe("data/ssb/12134.json: dimensjonen «KOKkommuneregion0000» har 3 kategorier, men ingen «category.index» som ordner dem (hent tabellen på nytt fra SSB)");
    // JavaScript lists number-like keys ("4601") before others ("0301"), so 0301 is the one found clashing.
    expect(message(clash)).toBe("data/ssb/12134.json: dimensjonen «KOKkommuneregion0000»: kategorien «0301» har plass 0, ikke én av 0…2 brukt én gang (hent tabellen på nytt fra SSB)");
  });

  it("a time dimension that is not years", () => {
    const monthly = edited((doc) => {
      const dimension = doc.dimension as Record<string, { category: { index: unknown; label: unknown } }>;
      dimension.Tid!.category = { index: { "2024M01": 0 }, label: { "2024M01": "2024M01" } };
    });
    expect(message(monthly)).toBe("data/ssb/12134.json: perioden «2024M01» i dimensjonen «Tid» er ikke et årstall (bare årstabeller leses)");
  });
});
