import type { ComparisonOutcome, TrendOutcome } from "./evaluate.js";

/**
 * The words a claim expression chooses from, by grammatical place (`form=`).
 * The tool only chooses *which* word the data call for; how Norwegian is
 * inflected is written here once, and an editor who needs another form gives
 * it in the expression (`stabil="har holdt seg stabilt"`), which replaces the
 * form's word for that outcome.
 */

export type Forms<K extends string> = Readonly<Record<string, Readonly<Record<K, string>>>>;

/** `{{sammenlign …}}`: Bærum … ASSS-snittet. */
export const COMPARISON_FORMS = {
  /** Predicative: "er høyere enn Asker". */
  er: { høyere: "høyere enn", lavere: "lavere enn", likt: "på nivå med" },
  /** Adverbial: "ligger over gjennomsnittet". */
  ligger: { høyere: "over", lavere: "under", likt: "omtrent på" },
  /** Before a noun: "har en høyere andel … enn". */
  en: { høyere: "en høyere", lavere: "en lavere", likt: "omtrent samme" },
} as const satisfies Forms<ComparisonOutcome>;

/** `{{utvikling …}}`: Bærum … from one year to another. */
export const TREND_FORMS = {
  /** Perfect: "har økt". */
  har: { økt: "har økt", nedgang: "har gått ned", stabil: "har holdt seg stabil", variert: "har variert" },
  /** Participle, after "har" in the sentence: "har andelen økt". */
  økt: { økt: "økt", nedgang: "gått ned", stabil: "holdt seg stabil", variert: "variert" },
  /** Past: "økte fra 2022 til 2023". */
  økte: { økt: "økte", nedgang: "gikk ned", stabil: "holdt seg stabil", variert: "varierte" },
  /** Noun: "det har vært en økning". */
  en: { økt: "en økning", nedgang: "en nedgang", stabil: "en stabil utvikling", variert: "en skiftende utvikling" },
  /** Definite noun: "årsaken til økningen". */
  økningen: { økt: "økningen", nedgang: "nedgangen", stabil: "den stabile utviklingen", variert: "den skiftende utviklingen" },
} as const satisfies Forms<TrendOutcome>;

/** Added to the rising and falling words of a form with `hvert_år=true`, whose claim is that every step held. */
export const EVERY_YEAR = "hvert år";

export type PlaceKey = "høyest" | "nest_høyest" | "lavest" | "nest_lavest" | "ellers";

const ORDINALS = ["", "", "nest", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende", "tiende"];

/** `{{plassering …}}`: the word for a place counted from the top or the bottom. */
export const PLACE_FORMS = {
  /** Predicative: "er lavest", "er nest høyest", "er tredje høyest". */
  er: (place: number, top: boolean) => `${ordinal(place)}${top ? "høyest" : "lavest"}`,
  /** Attributive: "har den høyeste gruppestørrelsen". */
  den: (place: number, top: boolean) => `den ${ordinal(place)}${top ? "høyeste" : "laveste"}`,
} as const satisfies Readonly<Record<string, (place: number, top: boolean) => string>>;

function ordinal(place: number): string {
  if (place <= 1) return "";
  return `${ORDINALS[place] ?? `${place}.`} `;
}

/** The explicit word option a place answers to: 1 → høyest, 2 → nest_høyest, further in → ellers. */
export function placeKey(place: number, top: boolean): PlaceKey {
  if (place === 1) return top ? "høyest" : "lavest";
  if (place === 2) return top ? "nest_høyest" : "nest_lavest";
  return "ellers";
}
