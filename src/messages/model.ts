import { defineMessages } from "./message.js";

/** Building the document model from the definition, data and commentary, and what the completeness check finds. */
export const model = defineMessages("model", {
  highlightYearOutside: (year: number, years: readonly number[]) => ({
    text: `året ${year} er utenfor rapportens år (${years.join(", ")})`,
    hint: "velg et av årene rapporten viser, eller fjern feltet for å vise det siste året",
  }),
  highlightCompareTwice: (region: string) => ({
    text: `regionen «${region}» står to ganger i «compare:»`,
    hint: "hver kommune eller gruppe kan stå bare én gang i listen: fjern den ene",
  }),
  unknownExhibitMarker: (id: string, section: string, hint: string) => ({
    text: `ukjent figur «[[${id}]]» i avsnittet «${section}»`,
    hint: `${hint}`,
  }),
  sectionExhibits: (ids: readonly string[]) => `avsnittets figurer og tabeller: ${ids.join(", ")}`,
  sectionHasNoExhibits: () => "avsnittet har ingen figurer eller tabeller i report.yaml",
  exhibitPlacedTwice: (id: string) => ({ text: `figuren «[[${id}]]» er plassert to ganger`, hint: "hver tabell og figur står ett sted" }),
  requiredValueMissing: (exhibit: string, indicator: string, region: string, year: number, whereFrom?: string) => ({
    text: `«${exhibit}» kan ikke lages uten ${indicator} for ${region} i ${year}`,
    hint: whereFrom ?? "legg tallet inn i observations.csv, eller velg et annet år i report.yaml",
  }),
  columnMissing: (exhibit: string, indicator: string, year: number, whereFrom?: string) => ({
    text: `ingen av regionene har ${indicator} for ${year}: tabellen «${exhibit}» ville fått en hel kolonne med «..»`,
    hint: whereFrom,
  }),
  noWeights: (exhibit: string, year: number) => ({
    text: `«${exhibit}» har ingen vekter for produksjonsindeksen i ${year}`,
    hint: "legg dem inn i production-index-weights.csv",
  }),
  valuesMissing: (exhibit: string, indicator: string, region: string, years: readonly number[], drawn: "table" | "chart" | "both", whereFrom?: string) => ({
    hint: whereFrom,
    text: `«${exhibit}» mangler ${indicator} for ${region} i ${years.join(", ")}; ${
      drawn === "chart" ? "figuren får ingen stolpe der" : `tabellen viser «..» med fotnoten «Tallet finnes ikke i kilden»${drawn === "both" ? ", og figuren får ingen stolpe" : ""}`
    }`,
  }),
  importFromSsb: (table: string) => `finnes tallet i kilden: hent det fra SSB-tabell ${table} (npm run fetch, eller npm run import -- <fil>)`,
  addFromSource: (source: string) => `finnes tallet i kilden: legg det inn i observations.csv fra ${source}`,
});
