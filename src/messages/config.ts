import { defineMessages } from "./message.js";

/** "mente du «x»?", or the fallback hint. */
const orElse = (suggestion: string | undefined, fallback: string): string => (suggestion ? `mente du «${suggestion}»?` : fallback);

/** The report definition (report.yaml) and the year's documents. */
export const config = defineMessages("config", {
  definitionMissing: () => ({
    text: "rapportdefinisjonen mangler",
    hint: "kopier fjorårets report.yaml til det nye årets mappe og endre årstall og tittel",
  }),
  rootMissing: (root: string) => ({
    text: `prosjektmappen «${root}» finnes ikke`,
    hint: "sjekk stien etter --root: den skal være mappen som har data/, templates/ og output/",
  }),
  dataDirMissing: (root: string) => ({
    text: `prosjektmappen «${root}» har ingen data-mappe`,
    hint: "sjekk stien etter --root: den skal være mappen som har data/, templates/ og output/",
  }),
  yearHasNoDocument: (year: number) => ({
    text: `rapportdefinisjonen for ${year} mangler`,
    hint: `lag året med npm run new-year -- ${year}, eller kopier fjorårets report.yaml og endre årstall og tittel`,
  }),
  yamlSyntax: (detail: { readonly text: string; readonly hint?: string | undefined }) => ({
    text: `feil i YAML-syntaksen: ${detail.text}`,
    hint: detail.hint ?? "sjekk innrykket (mellomrom, ikke tabulator), og sett anførselstegn rundt tekst som inneholder kolon",
  }),
  // What the yaml package's error codes mean (src/config/yamlErrors.ts); also used for commentary front matter.
  yamlDuplicateKey: (key: string) => ({
    text: `nøkkelen «${key}» står to ganger i samme samling`,
    hint: "hver nøkkel kan stå bare én gang på samme nivå: fjern den ene, eller slå dem sammen",
  }),
  yamlTab: () => ({ text: "innrykket er skrevet med tabulator", hint: "bruk mellomrom til innrykk, aldri tabulator" }),
  yamlIndent: () => ({
    text: "innrykket stemmer ikke med linjene over",
    hint: "felt på samme nivå må begynne i samme kolonne; bruk like mange mellomrom som linjen over",
  }),
  yamlUnclosed: (open: string, close: string) => ({
    text: `en liste eller samling som begynner med «${open}», er ikke lukket med «${close}»`,
    hint: `sett «${close}» på slutten av samme linje, eller rykk inn fortsettelseslinjene mer enn nøkkelen`,
  }),
  yamlUnclosedQuote: (quote: string) => ({ text: `anførselstegnet (${quote}) er ikke lukket`, hint: `avslutt teksten med ${quote} på samme linje` }),
  yamlMissingColon: () => ({ text: "en linje mangler kolon etter nøkkelen", hint: "skriv «nøkkel: verdi», med mellomrom etter kolonet" }),
  yamlAfterValue: () => ({
    text: "det står noe mer etter verdien på linjen",
    hint: "sett anførselstegn rundt hele verdien, eller flytt resten til en egen linje",
  }),
  yamlUnexpected: (found: string) => ({ text: `uventet «${found}» her`, hint: "sjekk innrykket og tegnsettingen; sett anførselstegn rundt tekst som inneholder kolon eller #" }),
  yamlReservedStart: (character: string) => ({
    text: `en verdi uten anførselstegn kan ikke begynne med «${character}»`,
    hint: "sett anførselstegn rundt verdien, som «\"@verdi\"»",
  }),
  yamlBadEscape: (sequence: string) => ({
    text: `«${sequence}» er ikke en gyldig kode i tekst med doble anførselstegn`,
    hint: "bruk enkle anførselstegn ('…'), eller skriv \\\\ for én skråstrek",
  }),
  yamlKeyOnOneLine: () => ({
    text: "en nøkkel må stå på én linje, med kolon etter",
    hint: "sjekk at linjen har «nøkkel: verdi», og sett anførselstegn rundt en verdi som selv inneholder «: »",
  }),
  yamlSeveralDocuments: () => ({ text: "filen har mer enn ett YAML-dokument (en linje «---» midt i)", hint: "fjern linjen «---», eller del filen i to" }),
  yamlOther: (code: string) => ({
    text: `filen er ikke gyldig YAML (feilkode ${code})`,
    hint: "sjekk innrykket (mellomrom, ikke tabulator), og sett anførselstegn rundt tekst som inneholder kolon",
  }),
  yamlUnknownAlias: (name: string, closest: string | undefined) => ({
    text: `henvisningen «*${name}» viser til et navn som ikke er definert (med «&${name}») før den`,
    hint: closest ? `mente du «*${closest}»?` : "definer navnet med «&navn» på verdien det skal vise til, før henvisningen",
  }),
  yamlMergeKey: () => ({
    text: "YAML-sammenslåing («<<:») støttes ikke i report.yaml",
    hint: "skriv feltene ut i figuren, eller bruk en henvisning (*navn) til hele verdien",
  }),
  yamlTooManyAliases: () => ({
    text: "filen bruker YAML-henvisninger (*navn) så mange ganger at den ville blitt uendelig stor",
    hint: "skriv listen ut der den trengs, eller bruk færre henvisninger til henvisninger",
  }),
  yamlTooDeep: (limit: number) => ({
    text: `filen er nøstet dypere enn ${limit} nivåer`,
    hint: "en rapportdefinisjon har kapitler, avsnitt og figurer: sjekk innrykket og parentesene",
  }),
  /** Where in report.yaml a schema problem is, in words: "kapittel 1, avsnitt 7, figur 1, feltet «indicator»". */
  pathChapter: (n: number) => `kapittel ${n}`,
  pathSection: (n: number) => `avsnitt ${n}`,
  pathExhibit: (n: number) => `figur ${n}`,
  pathDerived: (n: number) => `avledet indikator ${n}`,
  pathItem: (n: number) => `element ${n}`,
  pathField: (name: string) => `feltet «${name}»`,
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
  plainTextExpression: () =>
    "er ren tekst og kan ikke ha uttrykk ({{…}}): de blir skrevet ut som de står; skriv tallet eller teksten inn direkte, eller flytt setningen til kommentaren, der uttrykk regnes ut",
  plainTextMarkdown: () =>
    "er ren tekst og kan ikke ha Markdown (**fet**, `kode`, [lenke](…)): tegnene blir skrevet ut som de står; skriv teksten uten dem",
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
