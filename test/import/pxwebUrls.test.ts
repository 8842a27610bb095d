import { describe, expect, it } from "vitest";
import { dataUrl, planRequests, SSB_LIMITS, type Selection } from "../../src/import/pxwebUrls.js";
import { errorOf } from "./helpers.js";

const base = "https://data.ssb.no/api/pxwebapi/v2";
const codes = (n: number, width = 4) => Array.from({ length: n }, (_, i) => String(1000 + i).padStart(width, "0"));

/** Every (code, code, …) combination a list of requests asks for. */
function combinations(selections: readonly Selection[]): string[] {
  return selections.reduce<string[]>((acc, s) => acc.flatMap((prefix) => s.codes.map((c) => `${prefix}|${c}`)), [""]);
}

describe("PxWebApi v2 data URLs", () => {
  it("one request for a small query, in SSB's GET syntax", () => {
    const plan = planRequests(base, {
      table: "12134",
      selections: [
        { dimension: "KOKkommuneregion0000", codes: ["0301", "4601", "5001"] },
        { dimension: "ContentsCode", codes: ["KOSAG110000"] },
        { dimension: "Tid", codes: ["2024"] },
      ],
    });
    expect(plan).toEqual([
      {
        url: "https://data.ssb.no/api/pxwebapi/v2/tables/12134/data?lang=no&outputFormat=json-stat2&valueCodes[KOKkommuneregion0000]=0301,4601,5001&valueCodes[ContentsCode]=KOSAG110000&valueCodes[Tid]=2024",
        selections: expect.any(Array),
        cells: 3,
      },
    ]);
    expect(dataUrl(`${base}/`, "12134", [{ dimension: "Tid", codes: ["2024"] }], "en")).toBe(`${base}/tables/12134/data?lang=en&outputFormat=json-stat2&valueCodes[Tid]=2024`);
  });

  it("splits a query over 800 000 cells into requests within the limit", () => {
    const selections = [
      { dimension: "ContentsCode", codes: codes(10, 11) },
      { dimension: "KOKkommuneregion0000", codes: codes(40) },
      { dimension: "KOKfunksjon0000", codes: codes(50, 3) },
      { dimension: "Tid", codes: ["2020", "2021", "2022", "2023", "2024"] },
      { dimension: "KOKart0000", codes: codes(90, 3) },
    ];
    const plan = planRequests(base, { table: "12362", selections });
    expect(plan.length).toBeGreaterThan(1);
    expect(plan.every((r) => r.cells <= SSB_LIMITS.maxCells && r.url.length <= SSB_LIMITS.maxUrlLength)).toBe(true);
    expect(plan.reduce((sum, r) => sum + r.cells, 0)).toBe(10 * 40 * 50 * 5 * 90);
  });

  it("the split requests cover every cell exactly once", () => {
    const selections = [
      { dimension: "ContentsCode", codes: codes(3, 11) },
      { dimension: "KOKkommuneregion0000", codes: codes(7) },
      { dimension: "Tid", codes: ["2021", "2023", "2024"] },
    ];
    const plan = planRequests(base, { table: "12362", selections }, { maxCells: 4, maxUrlLength: 2000 });
    expect(plan.every((r) => r.cells <= 4)).toBe(true);
    const asked = plan.flatMap((r) => combinations(r.selections));
    expect(asked.sort()).toEqual(combinations(selections).sort());
  });

  it("splits a URL that would be over 2 000 characters by its longest code list", () => {
    const regions = codes(400);
    const plan = planRequests(base, { table: "12134", selections: [{ dimension: "KOKkommuneregion0000", codes: regions }, { dimension: "Tid", codes: ["2024"] }] });
    expect(dataUrl(base, "12134", [{ dimension: "KOKkommuneregion0000", codes: regions }, { dimension: "Tid", codes: ["2024"] }]).length).toBeGreaterThan(2000);
    expect(plan).toHaveLength(2);
    expect(plan.every((r) => r.url.length <= 2000)).toBe(true);
    expect(plan.flatMap((r) => r.selections[0]!.codes)).toEqual(regions);
  });

  it("repeated codes are sent once (SSB answers a repeated code with HTTP 500)", () => {
    const [request] = planRequests(base, { table: "12134", selections: [{ dimension: "Tid", codes: ["2024", "2023", "2024"] }] });
    expect(request!.url).toMatch(/valueCodes\[Tid\]=2024,2023$/);
  });

  it("queries SSB would refuse are reported before any request", () => {
    const plan = (selections: Selection[], table = "12134") => errorOf(() => planRequests(base, { table, selections }, { maxCells: 10, maxUrlLength: 2000 })).format();
    expect(plan([{ dimension: "Tid", codes: [] }])).toBe("tabell 12134: ingen koder er valgt for dimensjonen «Tid» (SSB trenger minst én kode per dimensjon)");
    expect(plan([{ dimension: "Tid", codes: ["top(5)"] }])).toBe(
      "tabell 12134: «top(5)» i dimensjonen «Tid» er ikke en enkel kode (skriv kodene ut; jokertegn og top()/range() kan ikke telles)",
    );
    expect(plan([{ dimension: "Tid", codes: ["2024"] }, { dimension: "Tid", codes: ["2023"] }])).toBe("tabell 12134: dimensjonen «Tid» er valgt to ganger (velg hver dimensjon én gang)");
    expect(plan([{ dimension: "Tid", codes: ["2024"] }], "../x")).toBe("«../x» er ikke et tabellnummer (SSBs tabeller har nummer, for eksempel 12134)");
    const long = errorOf(() => planRequests(base, { table: "1", selections: [{ dimension: "D", codes: ["x".repeat(2100)] }] })).format();
    expect(long).toBe("tabell 1: spørringen kan ikke deles mer, én adresse er fortsatt 2196 tegn (grensen er 2000) (velg færre eller kortere koder)");
  });
});
