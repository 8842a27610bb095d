import { describe, expect, it } from "vitest";
import { altTextFor, MISSING_WORD } from "../../src/charts/altText.js";
import type { ChartData, ChartSeries } from "../../src/types/model.js";

/**
 * The alt text is checked against the data it is written from: every value
 * a sighted reader can read off the chart is in it, in an order a listener
 * can follow, said once, and a missing value is said.
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
    series: [series("Bærum", [133.8, 131.6, 135.9, 136.8]), series("Asker", [13.7, 13.5, 13.8, 13.5]), series("Snitt", [13.5, 13.5, 13.5, 13.5])],
  });
  const text = altTextFor("Gruppestørrelse 1", data);

  it("names the kind, the span of years and the unit once, and not the caption read just before it", () => {
    expect(text.startsWith("Stolpediagram, 2021–2024 (elever). ")).toBe(true);
    expect(text).not.toContain("Gruppestørrelse 1");
    expect(text.match(/elever/g)).toHaveLength(1);
  });

  it("gives every value, region by region and year by year, so a dip between the first and last year is heard", () => {
    expect(text).toContain("Bærum – 2021: 133,8; 2022: 131,6; 2023: 135,9; 2024: 136,8.");
    expect(text.indexOf("Bærum –")).toBeLessThan(text.indexOf("Asker –"));
    expect(text.indexOf("Asker –")).toBeLessThan(text.indexOf("Snitt –"));
    expect(text).not.toMatch(/økt|sunket|Utvikling/);
  });

  it("says a region without values is missing instead of dropping it", () => {
    const gap = chart({ layout: "grouped", categories: ["2021", "2022"], series: [series("Bærum", [10, 13]), series("ASSS med Oslo", [null, null])], decimals: 0 });
    const said = altTextFor("Assistenter", gap);
    expect(said).toContain(`Bærum – 2021: 10; 2022: 13. ASSS med Oslo – 2021: ${MISSING_WORD}; 2022: ${MISSING_WORD}.`);
  });

  it("says when a region's latest value is missing", () => {
    const late = chart({ layout: "grouped", categories: ["2021", "2022", "2023"], series: [series("Asker", [5, 6, null])], decimals: 0 });
    expect(altTextFor("X", late)).toContain(`Asker – 2021: 5; 2022: 6; 2023: ${MISSING_WORD}.`);
  });

  it("does not repeat a unit the caption ends in, and lets percentages carry their %", () => {
    const kr = altTextFor("Netto driftsutgifter (1 000 kr)", chart({ layout: "grouped", categories: ["2023", "2024"], series: [series("Bærum", [1, 2])], axisTitle: "1 000 kr" }));
    expect(kr).toBe("Stolpediagram, 2023–2024. Bærum – 2023: 1,0; 2024: 2,0.");
    const percent = altTextFor("Andel", chart({ layout: "grouped", categories: ["2023", "2024"], series: [series("Bærum", [4.9, 5.3])], axisTitle: "Prosent", percent: true }));
    expect(percent).toBe(`Stolpediagram, 2023–2024. Bærum – 2023: 4,9${NBSP}%; 2024: 5,3${NBSP}%.`);
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
  });

  it("gives every category × series, region by region, with a colon between a name and its value, and names the missing one", () => {
    expect(text).toBe(
      "Stolpediagram (poeng). Bærum – 5. trinn: 81,3; 8. trinn: 76,8; 9. trinn: 87,1. Asker – 5. trinn: 76,2; 8. trinn: 74,1; 9. trinn: 84,7. " +
        `ASSS – 5. trinn: 75,3; 8. trinn: ${MISSING_WORD}; 9. trinn: 80,0.`,
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

  it("states every share of every year, year by year", () => {
    const text = altTextFor("Vedtakskategorier", shares(["2021", "2022", "2023", "2024"]));
    expect(text.startsWith("Stablet stolpediagram, 2021–2024. ")).toBe(true);
    for (const [i, year] of ["2021", "2022", "2023", "2024"].entries()) {
      expect(text).toContain(`${year} – 1–75 timer: ${2 + i},0${NBSP}%; 76–190 timer: ${57 + i},0${NBSP}%.`);
    }
  });

  it("over many years too: a sighted reader reads every year's labels", () => {
    const years = ["2018", "2019", "2020", "2021", "2022", "2023", "2024"];
    const text = altTextFor("Vedtakskategorier", shares(years));
    for (const [i, year] of years.entries()) expect(text).toContain(`${year} – 1–75 timer: ${2 + i},0${NBSP}%;`);
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
      `Liggende stolpediagram. ASSS med Oslo = 100. Bærum – Skolebidrag 1.–4. trinn: ${MISSING_WORD}; ` +
        "Skolebidrag 5.–7. trinn: 99,3; Plass i SFO: 102,9; Produksjonsindeks: 100,7.",
    );
  });

  it("does not repeat a reference the caption already states", () => {
    const text = altTextFor("Tjenesteprofil 2024. ASSS med Oslo = 100", data);
    expect(text).not.toContain("ASSS med Oslo = 100");
    expect(text.startsWith("Liggende stolpediagram. Bærum – ")).toBe(true);
  });
});
