import { describe, expect, it } from "vitest";
import type { ReportDefinition } from "../../src/config/definitionSchema.js";
import { makeDataset, type Indicator, type Region } from "../../src/data/dataset.js";
import { indicatorRow, type ObservationRow } from "../../src/data/schemas.js";
import { renderExpressions } from "../../src/narrative/expressions.js";
import { compareValues, DEFAULT_TOLERANCE, KRONER_RELATIVE_PERCENT, ONE_PRINTED_STEP } from "../../src/indicators/tolerance.js";
import { errorOf } from "../helpers/errors.js";

/** Small series written for these tests: A and B are municipalities, S is the average. */
const regions = new Map<string, Region>([
  ["A", { id: "A", name: "Aby", short_name: "Aby", kind: "kommune" }],
  ["B", { id: "B", name: "Bby", short_name: "Bby", kind: "kommune" }],
  ["C", { id: "C", name: "Cby", short_name: "Cby", kind: "kommune" }],
  ["S", { id: "S", name: "Snitt", short_name: "Snitt", kind: "snitt" }],
]);

function indicator(id: string, unit: string, decimals: number, tolerance = ""): Indicator {
  return indicatorRow.parse({ id, title: `Tittel ${id}`, short_title: id, unit, scale: "1", decimals: String(decimals), source: "test", tolerance });
}

const indicators = new Map<string, Indicator>(
  [indicator("andel", "prosent", 1), indicator("kroner", "kr", 0), indicator("indeks", "indeks", 1), indicator("avvik", "prosentpoeng", 1), indicator("egen", "prosent", 1, "0.5"), indicator("timer", "timer", 0)].map((i) => [i.id, i]),
);

type Row = [indicator: string, region: string, year: number, value: number | "..", status?: string];
const ROWS: Row[] = [
  // andel: A rises every year; B rises then falls back (variert); S is flat within 0,1.
  ["andel", "A", 2021, 4.5], ["andel", "A", 2022, 4.9], ["andel", "A", 2023, 5.2], ["andel", "A", 2024, 5.3],
  ["andel", "B", 2021, 5.0], ["andel", "B", 2022, 5.6], ["andel", "B", 2023, 5.1], ["andel", "B", 2024, 5.0],
  ["andel", "S", 2021, 4.3], ["andel", "S", 2022, 4.3], ["andel", "S", 2023, 4.4], ["andel", "S", 2024, 4.4],
  ["andel", "C", 2024, ".."],
  // kroner: 1 % of the reference decides.
  ["kroner", "A", 2024, 100_000], ["kroner", "B", 2024, 100_900], ["kroner", "S", 2024, 101_100], ["kroner", "C", 2024, 98_000],
  ["kroner", "A", 2023, 99_500],
  // indeks around 100; the average has no value of its own (ASSS = 100).
  ["indeks", "A", 2024, 100.1], ["indeks", "B", 2024, 99.7],
  // negative values: a deviation that grew more negative.
  ["avvik", "A", 2023, -2.0], ["avvik", "A", 2024, -3.5], ["avvik", "B", 2024, -3.4],
  // its own tolerance, 0,5 prosentpoeng, from indicators.csv.
  ["egen", "A", 2024, 5.3], ["egen", "S", 2024, 4.9],
  ["timer", "A", 2024, 127], ["timer", "B", 2024, 128], ["timer", "C", 2024, 192],
];

const observations = ROWS.map(([id, region, year, value, status], i) => ({
  file: "observations.csv",
  line: i + 2,
  value: { indicator: id, region, year, value: value === ".." ? undefined : value, status: value === ".." ? (status ?? "..") : "", source: "", release: "", updated: "", imported: "", basis: "", note: "" } as ObservationRow,
}));
const data = makeDataset(regions, indicators, observations, []);
const definition = { years: [2021, 2022, 2023, 2024], average: "S", municipality: "A", regions: ["A", "B", "S"], chapters: [], derived: [] } as unknown as ReportDefinition;
const render = (text: string) => renderExpressions(text, "tekst.md", 2, { data, definition }).body;

describe("the tolerance rule", () => {
  it("has a written default per unit: 0,1 in the unit's own terms, 1 % for kroner", () => {
    expect(DEFAULT_TOLERANCE.prosent).toEqual({ amount: ONE_PRINTED_STEP, relative: false });
    expect(DEFAULT_TOLERANCE.timer).toEqual({ amount: ONE_PRINTED_STEP, relative: false });
    expect(DEFAULT_TOLERANCE.kr).toEqual({ amount: KRONER_RELATIVE_PERCENT, relative: true });
  });

  it("compares values as printed: a difference that does not show is never higher", () => {
    const andel = indicators.get("andel")!;
    expect(compareValues(andel, 5.24, 5.16)).toBe("same"); // both print 5,2
    expect(compareValues(andel, 5.3, 5.2)).toBe("same"); // one printed step: within rounding
    expect(compareValues(andel, 5.4, 5.2)).toBe("higher");
    expect(compareValues(andel, 5.0, 5.2)).toBe("lower");
  });

  it("is overridable per indicator in indicators.csv, absolute or relative", () => {
    expect(indicators.get("egen")!.tolerance).toEqual({ amount: 0.5, relative: false });
    expect(indicator("x", "kr", 0, "2%").tolerance).toEqual({ amount: 2, relative: true });
    expect(() => indicator("x", "kr", 0, "to prosent")).toThrow(/tolerance/);
    expect(render('{{sammenlign "egen" "Aby" "Snitt" 2024}}')).toBe("på nivå med"); // 0,4 ≤ 0,5
  });
});

describe("{{sammenlign}}", () => {
  it("says higher, lower or about the same, in the form the sentence needs", () => {
    expect(render('{{sammenlign "andel" "Aby" "Snitt" 2024}}')).toBe("høyere enn");
    expect(render('ligger {{sammenlign "andel" "Aby" "Snitt" 2024 form="ligger"}} snittet')).toBe("ligger over snittet");
    expect(render('{{sammenlign "andel" "Bby" "Aby" 2024 form="en"}}')).toBe("en lavere");
    expect(render('{{sammenlign "andel" "Aby" "Snitt" 2024 høyere="har flere enn" lavere="har færre enn" likt="har like mange som"}}')).toBe("har flere enn");
  });

  it("calls a tie within the tolerance about the same", () => {
    // timer: 127 against 128 differs by a whole hour, more than 0,1: lower; kroner: 100 000 against 100 900 is under 1 %.
    expect(render('{{sammenlign "timer" "Aby" "Bby" 2024}}')).toBe("lavere enn");
    expect(render('{{sammenlign "kroner" "Aby" "Bby" 2024}}')).toBe("på nivå med");
    expect(render('{{sammenlign "kroner" "Aby" "Snitt" 2024}}')).toBe("lavere enn"); // 1 100 kr > 1 % of 101 100
  });

  it("compares negative values by their order, and an index with 100 when the average has none", () => {
    expect(render('{{sammenlign "avvik" "Aby" "Bby" 2024}}')).toBe("på nivå med"); // −3,5 against −3,4
    expect(render('{{sammenlign "indeks" "Aby" "Snitt" 2024}}')).toBe("på nivå med"); // 100,1 against 100
    expect(render('{{sammenlign "indeks" "Bby" "Snitt" 2024}}')).toBe("lavere enn"); // 99,7
  });

  it("never makes a claim from a value missing as ..: the build stops at the expression", () => {
    const error = errorOf(() => render('Her: {{sammenlign "andel" "Cby" "Snitt" 2024}}'));
    expect(error.id).toBe("narrative.noValue");
    expect(error.format()).toMatch(/^tekst\.md:3:6: /);
  });

  it("refuses an empty word of the editor's own, also one the data do not choose today", () => {
    const chosen = errorOf(() => render('Her: {{sammenlign "andel" "Aby" "Snitt" 2024 høyere=""}}'));
    expect(chosen.id).toBe("claims.emptyWord");
    expect(chosen.format()).toMatch(/^tekst\.md:3:6: høyere=""/u);
    expect(errorOf(() => render('{{sammenlign "andel" "Aby" "Snitt" 2024 lavere=" "}}')).id).toBe("claims.emptyWord");
    expect(errorOf(() => render('{{plassering "kroner" "Bby" 2024 ellers=""}}')).id).toBe("claims.emptyWord");
    expect(errorOf(() => render('{{utvikling "andel" "Aby" 2021 2024 stabil=""}}')).id).toBe("claims.emptyWord");
  });

  it("refuses Markdown in the editor's own words, which would not print as written", () => {
    const bold = errorOf(() => render('Her: {{sammenlign "andel" "Aby" "Snitt" 2024 høyere="**md**"}}'));
    expect(bold.id).toBe("claims.markdownInWord");
    expect(bold.format()).toMatch(/^tekst\.md:3:6: høyere= .*«\*»/u);
    for (const word of ["_så_", "`kode`", "[lenke](x)", "<b>", "a\\b", "~~x~~", "&amp;", "a | b", "# x"]) {
      expect(errorOf(() => render(`{{plassering "kroner" "Bby" 2024 høyest="${word}"}}`)).id).toBe("claims.markdownInWord");
    }
    expect(render('{{sammenlign "andel" "Aby" "Snitt" 2024 høyere="hadde (klart) flere – enn"}}')).toBe("hadde (klart) flere – enn");
  });

  it("refuses the same region on both sides, also when named once by name and once by number", () => {
    const error = errorOf(() => render('Her: {{sammenlign "andel" "Aby" "Aby" 2024}}'));
    expect(error.id).toBe("claims.sameRegionTwice");
    expect(error.format()).toMatch(/^tekst\.md:3:6: .*Aby med seg selv/u);
    expect(errorOf(() => render('{{sammenlign "andel" "Aby" "A" 2024}}')).id).toBe("claims.sameRegionTwice");
  });

  it("names a wrong form or option with what there is", () => {
    expect(errorOf(() => render('{{sammenlign "andel" "Aby" "Snitt" 2024 form="ligge"}}')).format()).toMatch(/ingen form «ligge».*mente du «ligger»/);
    expect(errorOf(() => render('{{sammenlign "andel" "Aby" "Snitt" 2024 høyre="over"}}')).format()).toMatch(/ukjent valg «høyre».*mente du «høyere»/);
    expect(errorOf(() => render('{{sammenlign "andel" "Aby" "Snitt" 2024 likt=true}}')).id).toBe("claims.optionNotText");
  });
});

describe("{{utvikling}}", () => {
  it("says rose, fell, stable or varied over the span", () => {
    expect(render('{{utvikling "andel" "Aby" 2021 2024}}')).toBe("har økt");
    expect(render('{{utvikling "andel" "Snitt" 2021 2024}}')).toBe("har holdt seg stabil"); // 4,3 → 4,4, no step over 0,1
    expect(render('{{utvikling "andel" "Bby" 2021 2024 form="en"}}')).toBe("en skiftende utvikling"); // 5,0 → 5,6 → 5,1 → 5,0
    expect(render('{{utvikling "andel" "Bby" 2022 2024 form="økte"}}')).toBe("gikk ned");
    expect(render('{{utvikling "avvik" "Aby" 2023 2024 form="en"}}')).toBe("en nedgang"); // −2,0 → −3,5
    expect(render('{{utvikling "kroner" "Aby" 2023 2024}}')).toBe("har holdt seg stabil"); // +0,5 %
  });

  it("takes the writer's own words for an outcome", () => {
    expect(render('{{utvikling "andel" "Snitt" 2021 2024 stabil="har holdt seg stabilt"}}')).toBe("har holdt seg stabilt");
  });

  it("says 'hvert år' only when every step held", () => {
    expect(render('{{utvikling "andel" "Aby" 2021 2023 hvert_år=true}}')).toBe("har økt hvert år"); // 4,5 → 4,9 → 5,2
    expect(render('{{utvikling "andel" "Aby" 2021 2024 hvert_år=true}}')).toBe("har økt"); // 5,2 → 5,3 is within 0,1
  });

  it("needs two years, and every year between them", () => {
    expect(errorOf(() => render('{{utvikling "andel" "Aby" 2024 2024}}')).id).toBe("claims.spanNeedsTwoYears");
    const gap = errorOf(() => render('{{utvikling "kroner" "Aby" 2022 2024}}'));
    expect(gap.id).toBe("narrative.noValue");
    expect(gap.message).toContain("kroner / Aby / 2022");
  });
});

describe("{{plassering}}", () => {
  it("says the place among the municipalities the data hold, from the top or the bottom", () => {
    expect(render('{{plassering "kroner" "Bby" 2024}}')).toBe("høyest");
    expect(render('{{plassering "kroner" "Cby" 2024 form="den"}}')).toBe("den laveste");
    expect(render('{{plassering "timer" "Bby" 2024}}')).toBe("nest høyest");
    expect(render('{{plassering "timer" "Bby" 2024 nest_høyest="nest størst"}}')).toBe("nest størst");
  });

  it("lets regions within the tolerance share a place", () => {
    expect(render('{{plassering "kroner" "Aby" 2024}}')).toBe("høyest"); // 100 000 and 100 900 are within 1 %
  });

  it("refuses an average, which has no place among the municipalities, at the expression", () => {
    const error = errorOf(() => render('{{plassering "kroner" "Snitt" 2024}}'));
    expect(error.id).toBe("claims.rankNotMunicipality");
    expect(error.location).toMatchObject({ file: "tekst.md", line: 3 });
    expect(error.message).toContain("Snitt");
  });

  it("refuses an average in {{rang}} too, the number that says the same place", () => {
    expect(errorOf(() => render('{{rang "kroner" "Snitt" 2024}}')).id).toBe("claims.rankNotMunicipality");
    expect(render('{{rang "kroner" "Bby" 2024}}')).toBe("1");
  });

  it("needs at least two municipalities with a value", () => {
    expect(errorOf(() => render('{{plassering "egen" "Aby" 2024}}')).id).toBe("claims.tooFewToRank");
  });
});
