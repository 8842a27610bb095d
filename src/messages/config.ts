import { defineMessages } from "./message.js";

/** "mente du «x»?", or the fallback hint. */
const orElse = (suggestion: string | undefined, fallback: string): string => (suggestion ? `mente du «${suggestion}»?` : fallback);

/** The report definition (report.yaml) and the year's documents. */
export const config = defineMessages("config", {
  definitionMissing: () => ({
    text: "rapportdefinisjonen mangler",
    hint: "kopier fjorårets report.yaml til det nye årets mappe og endre årstall og tittel",
  }),
  yearHasNoDocument: (year: number) => ({
    text: `rapportdefinisjonen for ${year} mangler`,
    hint: `lag året med npm run new-year -- ${year}, eller kopier fjorårets report.yaml og endre årstall og tittel`,
  }),
  yamlSyntax: (detail: string) => ({
    text: `feil i YAML-syntaksen: ${detail}`,
    hint: "sjekk innrykket (mellomrom, ikke tabulator), og sett anførselstegn rundt tekst som inneholder kolon",
  }),
  yamlTooManyAliases: () => ({
    text: "filen bruker YAML-henvisninger (*navn) så mange ganger at den ville blitt uendelig stor",
    hint: "skriv listen ut der den trengs, eller bruk færre henvisninger til henvisninger",
  }),
  yamlTooDeep: (limit: number) => ({
    text: `filen er nøstet dypere enn ${limit} nivåer`,
    hint: "en rapportdefinisjon har kapitler, avsnitt og figurer: sjekk innrykket og parentesene",
  }),
  schemaIssue: (issue: string, where: string, suggestion?: string) => ({
    text: `${issue} (ved ${where})`,
    hint: orElse(suggestion, "se README, «Legge til en indikator», for feltene hver figurtype har"),
  }),
  topLevel: () => "toppnivået",
  duplicateChapter: (id: string) => ({ text: `kapittel-id-en «${id}» er brukt to ganger`, hint: "hvert kapittel trenger sin egen id" }),
  duplicateSection: (id: string, chapter: string) => ({
    text: `avsnitts-id-en «${id}» er brukt to ganger i kapitlet «${chapter}»`,
    hint: "hvert avsnitt i et kapittel trenger sin egen id: kommentarfilen nevner den i forsiden (front matter)",
  }),
  duplicateExhibit: (id: string) => ({ text: `figur-id-en «${id}» er brukt to ganger`, hint: "hver figur og tabell trenger sin egen id i rapporten" }),
  unknownRegion: (id: string, suggestion: string | undefined) => ({
    text: `regionen «${id}» er ukjent`,
    hint: orElse(suggestion, "regionene står i data/regions.csv"),
  }),
  unknownIndicator: (id: string, suggestion: string | undefined) => ({
    text: `ukjent indikator «${id}»`,
    hint: orElse(suggestion, "indikatorene står i data/indicators.csv"),
  }),
  showsNothing: (id: string) => ({
    text: `«${id}» viser verken tabell eller figur (table: false og chart: false)`,
    hint: "fjern den fra report.yaml, eller slå på tabellen eller figuren",
  }),
  kindHasNoTable: (kind: string) => `figurtypen ${kind} lager ingen tabell: fjern «table:»`,
  kindAlwaysTable: (kind: string) => `figurtypen ${kind} er en tabell og kan ikke slås av med «table: false»`,
  kindHasNoChart: (kind: string) => `figurtypen ${kind} tegner ingen figur: fjern «chart:»`,
  kindAlwaysChart: (kind: string) => `figurtypen ${kind} er en figur og kan ikke slås av med «chart: false»`,
  idFormat: () => "skal være en id med små bokstaver, sifre og bindestrek, som «netto-driftsutgifter»",
  derivedIdTaken: (id: string) => ({
    text: `den avledede indikatoren «${id}» har samme id som en indikator i katalogen`,
    hint: "gi den en egen id under «derived:»",
  }),
  derivedUnknownInput: (id: string, input: string, suggestion: string | undefined) => ({
    text: `den avledede indikatoren «${id}» bruker den ukjente indikatoren «${input}»`,
    hint: orElse(suggestion, "indikatorene står i data/indicators.csv"),
  }),
  twoDocumentsOneName: (year: number, name: string, earlier: string) => ({
    text: `to dokumenter for ${year} heter «${name}»`,
    hint: `${earlier} har allerede det navnet; gi dette en annen «document:»`,
  }),
  noSuchDocument: (year: number, name: string, names: readonly string[], suggestion: string | undefined) => ({
    text: `${year} har ikke noe dokument som heter «${name}»`,
    hint: `${suggestion ? `mente du «${suggestion}»? ` : ""}dokumentene for ${year}: ${names.join(", ")}`,
  }),
});
