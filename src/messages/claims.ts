import { common } from "./common.js";
import { defineMessages } from "./message.js";

const closestOr = (closest: string | undefined, fallback: string) => (closest ? common.didYouMean(closest).text : fallback);

/** Claims in the commentary: the claim expressions, the tolerance rule, the plain-words check, `changes` and `draft`. */
export const claims = defineMessages("claims", {
  // The tolerance column of data/indicators.csv
  expectTolerance: () => "forventet et tall med punktum (0.3, i indikatorens enhet) eller en prosent (2%) i kolonnen «tolerance», eller tom celle",

  // Claim expressions
  unknownOption: (key: string, closest: string | undefined, known: readonly string[]) => ({
    text: `ukjent valg «${key}»`,
    hint: closestOr(closest, `valgene her er ${known.join(", ")}`),
  }),
  optionNotText: (key: string) => ({ text: `valget ${key} tar ord i anførselstegn`, hint: `for eksempel ${key}="har holdt seg stabilt"` }),
  emptyWord: (key: string) => ({
    text: `${key}="" er tomt, så setningen ville mangle ord når dataene velger det`,
    hint: `skriv ordene du vil ha mellom anførselstegnene, eller ta bort ${key}=""`,
  }),
  markdownInWord: (key: string, characters: readonly string[]) => ({
    text: `${key}= har tegn som Markdown leser som formatering (${characters.map((c) => `«${c}»`).join(", ")}), så ordene ville ikke stå slik de er skrevet`,
    hint: `skriv ordene uten ${characters.length === 1 ? "dette tegnet" : "disse tegnene"}; formatering (som **fet**) settes rundt uttrykket, ikke inne i ordene`,
  }),
  sameRegionTwice: (region: string) => ({
    text: `uttrykket sammenligner ${region} med seg selv, så det har ingenting å si`,
    hint: "skriv noe annet som det andre stedet, for eksempel snittet eller en nabokommune",
  }),
  unknownForm: (helper: string, form: string, closest: string | undefined, known: readonly string[]) => ({
    text: `«${helper}» har ingen form «${form}»`,
    hint: closestOr(closest, `formene er ${known.map((k) => `form="${k}"`).join(", ")}; eller skriv ordene selv`),
  }),
  spanNeedsTwoYears: (from: number, to: number, example: string) => ({
    text: `en utvikling går fra ett år til et senere, men uttrykket har ${from} og ${to}`,
    hint: `skriv det første året først, for eksempel ${example}`,
  }),
  rankNotMunicipality: (region: string) => ({
    text: `«${region}» er et snitt (kind «snitt» i data/regions.csv), ikke en kommune, og har ingen plass blant kommunene`,
    hint: "plasser en kommune, eller sammenlign med snittet: {{sammenlign …}}",
  }),
  tooFewToRank: (indicator: string, year: number, count: number) => ({
    text: `dataene har ${count === 1 ? "bare én kommune" : "ingen kommuner"} med verdi for ${indicator} i ${year}, så det er ingen plassering å si noe om`,
    hint: "legg til verdier for flere kommuner i observations.csv, eller skriv setningen uten plassering",
  }),

  // What the data say about a claim written in plain words (npm run check)
  untied: () => "ikke knyttet til en indikator (ingen uttrykk, indikatortittel eller figur ved siden av), så den er ikke kontrollert",
  valueMissing: (indicator: string, place: string, year: number) => `dataene har ingen verdi for ${indicator} / ${place} / ${year}, så den er ikke kontrollert`,
  spanTooShort: () => "rapporten har bare ett år i perioden, så den er ikke kontrollert",
  comparisonFact: (place: string, value: string, outcome: "høyere" | "lavere" | "likt") =>
    `${outcome === "likt" ? "omtrent som" : outcome === "høyere" ? "over" : "under"} ${place} (${value})`,
  comparisonSays: (indicator: string, place: string, year: number, value: string, facts: readonly string[]) =>
    `${indicator} for ${place} var ${value} i ${year}: ${facts.join(", ")}`,
  trendSays: (indicator: string, place: string, from: number, to: number, series: string, outcome: string, other: { year: number; outcome: "høyere" | "lavere" | "likt" } | undefined) => {
    const whole = outcome === "økt" ? "den økte" : outcome === "nedgang" ? "den gikk ned" : outcome === "stabil" ? "den holdt seg stabil" : "den varierte";
    const step = other ? `, men ${other.outcome === "høyere" ? "økte" : other.outcome === "lavere" ? "gikk ned" : "sto stille"} i ${other.year}` : "";
    return `${indicator} for ${place} gikk ${series} fra ${from} til ${to}: ${whole}${step}`;
  },
  placeSays: (indicator: string, year: number, ranked: readonly string[]) => `${indicator} i ${year}, fra høyest: ${ranked.join(", ")}`,
  contradiction: (phrase: string, says: string, expression: string) => ({
    text: `teksten sier «${phrase}»; ${says}`,
    hint: `rett ordene, eller skriv ${expression} (med ordene du trenger), så følger de dataene`,
  }),

  // npm run changes
  claimHeld: (phrase: string) => `«${phrase}» stemte`,
  claimContradicted: (says: string) => `nå motsier dataene det (${says})`,
  meaningFlipped: (document: string, count: number) => `Setninger i ${document} som nå betyr noe annet – les dem først (${count}):`,

  // npm run draft
  draftUnfinished: () => ({
    text: "utkastet fra npm run draft er ikke ferdig redigert",
    hint: "les teksten, rett det som trengs, og slett linjen med «utkast fra npm run draft»",
  }),
  draftBeside: (file: string) => ({ text: `et utkast venter på å bli flettet inn i ${file}`, hint: `flytt det du vil beholde over i ${file}, og slett utkastet` }),
  draftWritten: (file: string, beside: boolean) => (beside ? `  ${file}   (utkast ved siden av teksten som finnes; flett inn det du vil beholde)` : `  ${file}   (ny tekst: avsnittet hadde ingen)`),
  draftsWritten: (count: number) => `Skrev ${count} utkast:`,
  draftKept: (file: string) => `  ${file}   (finnes allerede, likt; ikke skrevet på nytt)`,
  draftWouldOverwrite: (files: readonly string[]) => ({
    text: `${files.length === 1 ? "utkastet finnes allerede og er endret" : `${files.length} utkast finnes allerede og er endret`}: ${files.join(", ")}; ingenting er skrevet`,
    hint: "flytt det du vil beholde over i avsnittets tekst, og slett utkastet; eller kjør på nytt med --force for å skrive over det du har endret",
  }),
  draftWouldReplaceText: (file: string, section: string) => ({
    text: `utkastet til ${section} skulle skrives til ${file}, men den filen finnes og er ikke teksten til ${section}; ingenting er skrevet`,
    hint: `se chapter: og section: øverst i ${file} (npm run check viser hva som er galt), eller gi filen et annet navn`,
  }),
  draftUnknownSection: (section: string, closest: string | undefined, known: readonly string[]) => ({
    text: `rapporten har ingen seksjon «${section}»`,
    hint: closestOr(closest, `seksjonene: ${known.join(", ")}`),
  }),
  draftNextStep: (year: number) => `Bygg med npm run report -- ${year}; npm run check -- ${year} viser utkastene som ikke er ferdige.`,

  // npm run check -- <år> --claims
  claimListed: (where: string, phrase: string, status: "agrees" | "contradicts" | "unchecked", says: string) =>
    `${where}: påstand «${phrase}»: ${status === "agrees" ? "stemmer" : status === "contradicts" ? "MOTSIER DATAENE" : "ikke kontrollert"} – ${says}`,
});
