import { common } from "./common.js";
import { defineMessages } from "./message.js";

/** Markdown's node types as a Norwegian reader knows them. */
export const MARKDOWN_NAMES: Readonly<Record<string, string>> = {
  blockquote: "et sitat (>)",
  code: "en kodeblokk",
  heading: "en overskrift",
  html: "HTML-kode",
  image: "et bilde",
  imageReference: "et bilde",
  linkReference: "en referanselenke ([tekst][navn])",
  inlineCode: "kode mellom grave aksenter (`…`)",
  table: "en tabell",
  delete: "gjennomstreking (~~…~~)",
  footnoteReference: "en fotnote",
  footnoteDefinition: "en fotnote",
};

const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  inlineCode: "rapporten har ingen kodeskrift: fjern aksentene (`), eller bruk «…» eller *kursiv*",
  image: "bilder kan ikke stå i kommentarene; figurer og tabeller kommer fra report.yaml og plasseres med [[id]]",
  imageReference: "bilder kan ikke stå i kommentarene; figurer og tabeller kommer fra report.yaml og plasseres med [[id]]",
  linkReference: "skriv lenken direkte, som [tekst](https://…)",
  html: "skriv teksten som Markdown: **fet**, *kursiv*, lister og [lenker](https://…)",
  code: "tekst med fire eller flere mellomrom innrykk blir en kodeblokk; fjern innrykket, eller fjern ``` rundt teksten",
  blockquote: "fjern > foran linjene og skriv teksten som et vanlig avsnitt",
};

/** "mente du «X»?" when a close match was found, else the fallback. */
const closestOr = (closest: string | undefined, fallback: string) => (closest ? common.didYouMean(closest).text : fallback);

/** The reference kinds as a reader says them: `{{tabell …}}` names a table, `{{figur …}}` a figure. */
const exhibitWord = (kind: string) => (kind === "tabell" ? "tabell" : "figur");
const exhibitWords = (kind: string) => (kind === "tabell" ? "tabeller" : "figurer");

/** Commentary: front matter, expressions ({{verdi …}}) and Markdown. */
export const narrative = defineMessages("narrative", {
  // Front matter
  frontMatterMissing: () => ({
    text: "filen må begynne med en toppdel (front matter)",
    hint: "begynn med «---», en linje «chapter: …», en linje «section: …» og «---»",
  }),
  frontMatterNotClosed: () => ({ text: "toppdelen (front matter) er ikke avsluttet", hint: "avslutt den med en linje «---»" }),
  frontMatterNotYaml: (detail: { readonly text: string; readonly hint?: string | undefined }) => ({
    text: `toppdelen (front matter) er ikke gyldig YAML: ${detail.text}`,
    hint: `${detail.hint ? `${detail.hint}; ` : ""}toppdelen er to linjer, «chapter: <kapittel-id>» og «section: <seksjons-id>»`,
  }),
  frontMatterAlias: () => ({
    text: "toppdelen (front matter) bruker YAML-aliaser (*navn), som ikke er tillatt her",
    hint: "skriv verdiene ut: toppdelen trenger bare «chapter: <kapittel-id>» og «section: <seksjons-id>»",
  }),
  frontMatterNotMap: () => ({ text: "toppdelen (front matter) må være nøkler med verdier", hint: "skriv «chapter: <kapittel-id>» og «section: <seksjons-id>» på hver sin linje" }),
  frontMatterKeyMissing: (key: string) => ({ text: `toppdelen (front matter) mangler «${key}»`, hint: `legg til en linje «${key}: …» med id-en fra report.yaml` }),
  frontMatterKeyEmpty: (key: string) => ({ text: `«${key}» i toppdelen (front matter) er tom`, hint: `skriv id-en til ${key === "chapter" ? "kapitlet" : "seksjonen"} fra report.yaml` }),
  frontMatterKeyNotText: (key: string) => ({ text: `«${key}» i toppdelen (front matter) må være tekst`, hint: `skriv id-en til ${key === "chapter" ? "kapitlet" : "seksjonen"} fra report.yaml` }),
  frontMatterUnknownKey: (key: string) => ({ text: `ukjent nøkkel «${key}» i toppdelen (front matter)`, hint: "toppdelen har bare «chapter» og «section»; resten av teksten står under «---»" }),

  // Which section a file belongs to
  unknownChapter: (chapter: string, closest: string | undefined) => ({
    text: `ukjent kapittel «${chapter}» i toppdelen (front matter)`,
    hint: closestOr(closest, "kapitlene står i report.yaml"),
  }),
  unknownSection: (section: string, chapter: string, closest: string | undefined, known: readonly string[]) => ({
    text: `ukjent seksjon «${section}» i kapitlet «${chapter}»`,
    hint: closestOr(closest, `seksjonene i kapitlet: ${known.join(", ")}`),
  }),
  secondFile: (section: string, earlier: string) => ({
    text: `en fil til med kommentar til seksjonen «${section}»`,
    hint: `${earlier} har den allerede; hold én fil per seksjon`,
  }),

  // Expressions
  notWellFormed: (example: string) => ({ text: "et uttrykk er ikke lukket eller ikke riktig skrevet", hint: `skriv uttrykk slik: ${example}` }),
  blocksNotAllowed: () => ({
    text: "bare enkle uttrykk som {{verdi …}} er tillatt i kommentarer",
    hint: "blokker ({{#…}}) og delmaler ({{> …}}) støttes ikke",
  }),
  unknownExpression: (name: string, closest: string | undefined, known: readonly string[]) => ({
    text: `ukjent uttrykk «${name}»`,
    hint: closestOr(closest, `kjente uttrykk: ${known.join(", ")}`),
  }),
  argumentCount: (name: string, expected: number, kinds: string, got: number, example: string) => ({
    text: `«${name}» tar ${expected} verdier (${kinds}), men fikk ${got}`,
    hint: `for eksempel ${example}`,
  }),
  argumentNotLiteral: (position: number, name: string, example: string) => ({
    text: `verdi nr. ${position} i «${name}» må stå i anførselstegn eller være et tall`,
    hint: `for eksempel ${example}`,
  }),
  unknownIndicator: (id: string, closest: string | undefined) => ({ text: `ukjent indikator «${id}»`, hint: closestOr(closest, "indikatorene står i data/indicators.csv") }),
  unknownPlace: (text: string, closest: string | undefined, names: readonly string[]) => ({
    text: `ukjent kommune eller gruppe «${text}»`,
    hint: closestOr(closest, `kjente navn: ${names.join(", ")}`),
  }),
  yearOutside: (year: string, years: readonly number[], closest: string | undefined) => ({
    text: `året ${year} er utenfor rapportens år (${years.join(", ")})`,
    hint: closestOr(closest, "legg året til i report.yaml og i dataene først"),
  }),
  noValue: (indicator: string, place: string, year: number) => ({
    text: `dataene har ingen verdi for ${indicator} / ${place} / ${year}`,
    hint: "legg den til i observations.csv, eller endre uttrykket",
  }),
  optionNotBoolean: (key: string) => ({ text: `valget ${key} tar true eller false`, hint: `for eksempel ${key}=true` }),
  unknownOption: (key: string, closest: string | undefined) => ({ text: `ukjent valg «${key}»`, hint: closestOr(closest, "valgene er abs=true og enhet=false") }),

  // References to tables and figures
  referenceArgument: (kind: string, example: string) => ({
    text: `«${kind}» tar id-en til en ${exhibitWord(kind)} i anførselstegn`,
    hint: `for eksempel ${example}`,
  }),
  referenceOtherKind: (kind: string, id: string, other: string) => ({
    text: `rapporten har ingen ${exhibitWord(kind)} «${id}»`,
    hint: `«${id}» er en ${exhibitWord(other)}: skriv {{${other} "${id}"}}`,
  }),
  referenceUnknown: (kind: string, id: string, closest: string | undefined, ids: readonly string[]) => ({
    text: `rapporten har ingen ${exhibitWord(kind)} «${id}»`,
    hint: closestOr(closest, ids.length ? `${exhibitWords(kind)}: ${ids.join(", ")}` : `rapporten har ingen ${exhibitWords(kind)}`),
  }),

  // Markdown
  unsupportedMarkdown: (type: string) => ({
    text: `${MARKDOWN_NAMES[type] ?? `Markdown-elementet «${type}»`} støttes ikke i kommentarer`,
    hint: UNSUPPORTED_HINTS[type] ?? "bruk avsnitt, ### underoverskrifter, lister, **fet**, *kursiv* og lenker; tabeller og figurer kommer fra report.yaml",
  }),
  gfmTable: () => ({
    text: "en tabell skrevet med | og --- i kommentaren ville blitt skrevet ut som tekst",
    hint: "tabeller kommer fra report.yaml: legg tallene inn som en figur der og plasser den med [[id]] på en egen linje, eller skriv dem som en liste",
  }),
  strikethrough: () => ({
    text: "gjennomstreking (~~…~~) støttes ikke og ville blitt skrevet ut med tildene",
    hint: "fjern ~~ og teksten som skulle vært strøket, og skriv teksten slik den skal stå",
  }),
  taskList: (box: string) => ({
    text: `avkrysningspunktet «${box}» støttes ikke og ville blitt skrevet ut som tekst`,
    hint: `fjern «${box}» og skriv punktet som et vanlig listepunkt`,
  }),
  markerInParagraph: (marker: string) => ({
    text: `figurmarkøren ${marker} står inne i et avsnitt og ville blitt skrevet ut som tekst`,
    hint: `sett ${marker} på en egen linje, med en tom linje før og etter`,
  }),
  linkNotAllowed: (url: string) => ({
    text: `lenken til «${url}» er ikke tillatt`,
    hint: "lenker i rapporten må være fullstendige nett- eller e-postadresser: https://…, http://… eller mailto:…",
  }),
  nestedTooDeep: (limit: number) => ({
    text: `teksten er nøstet i mer enn ${limit} nivåer (utheving i utheving, lenker, lister i lister)`,
    hint: "skriv den enklere: fjern overflødige *, _ og [ ], eller del opp listen",
  }),
});
