import { describe, expect, it } from "vitest";
import { altTextFor, MISSING_WORD } from "../../src/charts/altText.js";
import type { ChartData, ChartSeries } from "../../src/types/model.js";

/**
 * The alt text is checked against the data it is written from: every value
 * a sighted reader can read off the chart is in it (or, for a time series,
 * the latest year and the trend), said once, and a missing value is said.
 */
const NBSP = "\u00a0";
const series = (name: string, values: readonly (number | null)[]): ChartSeries => ({ key: name, name, color: "#0072B2", values });
const chart = (over: Partial<ChartData> & Pick<ChartData, "layout" | "categories" | "series">): ChartData => ({
  axisTitle: "Elever",
  percent: false,
  decimals: 1,
  ...over,
});

describe("altTextFor: a grouped time series (regions × years)", () => {
  const data = chart({
    layout: "grouped",
    categories: ["2021", "2022", "2023", "2024"],
    series: [series("Bærum", [14.4, 14.2, 13.9, 13.9]), series("Asker", [13.7, 13.5, 13.8, 13.5]), series("Snitt", [13.5, 13.5, 13.5, 13.5])],
  });
  const text = altTextFor("Gruppestørrelse 1", data);

  it("names the kind, the caption, the span of years and the unit once", () => {
    expect(text.startsWith("Stolpediagram: Gruppestørrelse 1, 2021–2024 (elever). ")).toBe(true);
    expect(text.match(/elever/g)).toHaveLength(1);
  });

  it("gives every region's value in the latest year", () => {
    expect(text).toContain("2024: Bærum 13,9, Asker 13,5, Snitt 13,5.");
  });

  it("gives each region's trend from its first year: up, down or unchanged as printed", () => {
    expect(text).toContain("Utvikling: Bærum sunket fra 14,4 i 2021, Asker sunket fra 13,7 i 2021, Snitt uendret fra 2021.");
    const up = altTextFor("X", chart({ layout: "grouped", categories: ["2021", "2024"], series: [series("Bærum", [133.8, 136.8])] }));
    expect(up).toContain("Bærum økt fra 133,8 i 2021");
  });

  it("says a region without values is missing instead of dropping it", () => {
    const gap = chart({ layout: "grouped", categories: ["2021", "2022"], series: [series("Bærum", [10, 13]), series("ASSS med Oslo", [null, null])], decimals: 0 });
    const said = altTextFor("Assistenter", gap);
    expect(said).toContain(`2022: Bærum 13, ASSS med Oslo: ${MISSING_WORD}.`);
    expect(said).toContain("Utvikling: Bærum økt fra 10 i 2021.");
  });

  it("says when a region's latest value is missing, with its last known one", () => {
    const late = chart({ layout: "grouped", categories: ["2021", "2022", "2023"], series: [series("Asker", [5, 6, null])], decimals: 0 });
    expect(altTextFor("X", late)).toContain(`Asker: ${MISSING_WORD} for 2023 (6 i 2022)`);
  });

  it("does not repeat a unit the caption ends in, and lets percentages carry their %", () => {
    const kr = altTextFor("Netto driftsutgifter (1 000 kr)", chart({ layout: "grouped", categories: ["2023", "2024"], series: [series("Bærum", [1, 2])], axisTitle: "1 000 kr" }));
    expect(kr).toContain("(1 000 kr), 2023–2024. 2024:");
    expect(kr.match(/1 000 kr/g)).toHaveLength(1);
    const percent = altTextFor("Andel", chart({ layout: "grouped", categories: ["2023", "2024"], series: [series("Bærum", [4.9, 5.3])], axisTitle: "Prosent", percent: true }));
    expect(percent).toContain(`Andel, 2023–2024. 2024: Bærum 5,3${NBSP}%.`);
    expect(percent).not.toContain("prosent");
  });
});

describe("altTextFor: categories that are not years (trinn × regions)", () => {
  const data = chart({
    layout: "grouped",
    categories: ["5. trinn", "8. trinn", "9. trinn"],
    series: [series("Bærum", [81.3, 76.8, 87.1]), series("Asker", [76.2, 74.1, 84.7]), series("ASSS", [75.3, null, 80])],
    axisTitle: "Poeng",
  });
  const text = altTextFor("Nasjonale prøver, 2024", data);

  it("is not read as a time range", () => {
    expect(text).not.toMatch(/5\. trinn–9\. trinn/);
    expect(text).not.toContain("Utvikling");
  });

  it("gives every category × series, and names the missing one", () => {
    expect(text).toBe(
      "Stolpediagram: Nasjonale prøver, 2024 (poeng). 5. trinn: Bærum 81,3, Asker 76,2, ASSS 75,3. " +
        `8. trinn: Bærum 76,8, Asker 74,1, ASSS: ${MISSING_WORD}. 9. trinn: Bærum 87,1, Asker 84,7, ASSS 80,0.`,
    );
  });
});

describe("altTextFor: stacked shares", () => {
  const shares = (years: readonly string[]) =>
    chart({
      layout: "stacked",
      categories: years,
      series: [series("1–75 timer", years.map((_, i) => 2 + i)), series("76–190 timer", years.map((_, i) => 57 + i))],
      axisTitle: "Prosent",
      percent: true,
    });

  it("over a few years states every share of every year", () => {
    const text = altTextFor("Vedtakskategorier", shares(["2021", "2022", "2023", "2024"]));
    expect(text.startsWith("Stablet stolpediagram: Vedtakskategorier, 2021–2024. ")).toBe(true);
    for (const [i, year] of ["2021", "2022", "2023", "2024"].entries()) {
      expect(text).toContain(`${year}: 1–75 timer ${2 + i},0${NBSP}%, 76–190 timer ${57 + i},0${NBSP}%.`);
    }
  });

  it("over many years states the latest year's shares and their trend", () => {
    const years = ["2018", "2019", "2020", "2021", "2022", "2023", "2024"];
    const text = altTextFor("Vedtakskategorier", shares(years));
    expect(text).toContain(`2024: 1–75 timer 8,0${NBSP}%, 76–190 timer 63,0${NBSP}%.`);
    expect(text).toContain(`Utvikling: 1–75 timer økt fra 2,0${NBSP}% i 2018`);
    expect(text).not.toContain("2019:");
  });
});

describe("altTextFor: an index chart with missing values", () => {
  const data = chart({
    layout: "index",
    categories: ["Skolebidrag 1.–4. trinn", "Skolebidrag 5.–7. trinn", "Plass i SFO", "Produksjonsindeks"],
    series: [series("Bærum", [null, 99.3, 102.9, 100.7])],
    axisTitle: "Indeks, ASSS med Oslo = 100",
    reference: { value: 100, label: "ASSS med Oslo = 100" },
  });

  it("gives every bar, says the missing one, and the reference once", () => {
    expect(altTextFor("Bærums score 2024", data)).toBe(
      `Liggende stolpediagram: Bærums score 2024. ASSS med Oslo = 100. Bærum: Skolebidrag 1.–4. trinn: ${MISSING_WORD}; ` +
        "Skolebidrag 5.–7. trinn 99,3; Plass i SFO 102,9; Produksjonsindeks 100,7.",
    );
  });

  it("does not repeat a reference the caption already states", () => {
    const text = altTextFor("Tjenesteprofil 2024. ASSS med Oslo = 100", data);
    expect(text.match(/ASSS med Oslo = 100/g)).toHaveLength(1);
    expect(text.startsWith("Liggende stolpediagram: Tjenesteprofil 2024. ASSS med Oslo = 100. Bærum: ")).toBe(true);
  });
});
