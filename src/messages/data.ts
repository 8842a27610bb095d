import { common } from "./common.js";
import { defineMessages } from "./message.js";

const UTF8_HINT = "lagre den som UTF-8 (i Excel: «CSV UTF-8 (kommadelt)»; i Notisblokk: Lagre som → Koding UTF-8)";

/** The data files: regions.csv, indicators.csv, observations.csv and the production-index weights. */
export const data = defineMessages("data", {
  fileMissing: (hint: string) => ({ text: "datafilen mangler", hint: `${hint}` }),
  restoreShared: (columns: string, path: string) =>
    `listen (${columns}) er felles for alle år; hent den tilbake fra git (git checkout -- ${path})`,
  yearNeedsObservations: (path: string) => `hvert rapportår trenger tallene sine i ${path}; se README, «Legge til et nytt år»`,
  utf16: () => ({ text: "filen er UTF-16 («Unicode-tekst»), ikke UTF-8", hint: UTF8_HINT }),
  notUtf8: (byte: string, character: string) => ({
    text: `filen er ikke UTF-8 (byten 0x${byte} er trolig «${character}» i Windows-1252)`,
    hint: UTF8_HINT,
  }),
  missingColumn: (column: string, required: readonly string[], tabSeparated: boolean) => ({
    text: `kolonnen «${column}» mangler i overskriftsraden`,
    hint: `overskriftsraden må ha ${required.join(", ")}${tabSeparated ? " (filen ser ut til å være tabulatordelt: lagre den som CSV)" : ""}`,
  }),
  badCell: (issue: string, column: string, got: string | undefined) =>
    `${issue} i kolonnen «${column}»${got !== undefined ? `, men der står «${got}»` : ""}`,
  fieldCount: (found: number, expected: number) => `raden har ${found} felt, overskriftsraden har ${expected}`,
  malformed: (reason: string, decimalComma: boolean, separator: "semicolon" | "comma") => {
    const name = separator === "semicolon" ? "semikolon" : "komma";
    return {
      text: `ugyldig CSV: ${reason}`,
      hint: decimalComma
        ? "står det et desimalkomma i en kommadelt fil? skriv 13.9, eller lagre hele filen fra Excel som «CSV (semikolonseparert)»"
        : `hver rad trenger like mange felt adskilt med ${name} som overskriftsraden; sett anførselstegn rundt et felt som inneholder ${name}`,
    };
  },
  duplicateValue: (indicator: string, region: string, year: number, earlierLine: number) => ({
    text: `tallet for ${indicator} / ${region} / ${year} står to ganger`,
    hint: `samme kombinasjon står allerede på linje ${earlierLine}`,
  }),
  duplicateId: (id: string, earlierLine: number) => ({ text: `id-en «${id}» står to ganger`, hint: `den er allerede definert på linje ${earlierLine}` }),
  unknownIndicator: (id: string, hint: string) => ({ text: `ukjent indikator «${id}»`, hint: `${hint}` }),
  unknownRegion: (id: string, hint: string) => ({ text: `regionen «${id}» er ukjent`, hint: `${hint}` }),
  // A hint inside the hint's parentheses: no parentheses of its own.
  leadingZero: (id: string) => `${common.didYouMean(id).text} Excel fjerner nuller foran; formater kolonnen som tekst`,
  /** An index against an average (or a derived indicator's denominator) of 0. */
  indexAgainstZero: (at: { readonly indicator: string; readonly region: string; readonly year: number } | undefined) => ({
    text: at ? `${at.indicator} for ${at.region} i ${at.year} er 0, og det kan ikke regnes indeks mot 0` : "et snitt er 0, og det kan ikke regnes indeks mot 0",
    hint: "rett tallet i observations.csv, eller la verdien stå tom med en status hvis tallet ikke finnes",
  }),
  addToCatalogue: (catalogue: string) => `legg den inn i ${catalogue} først`,
  // What a cell must hold: the schemas' own messages (src/data/schemas.ts).
  expectDecimal: (example: string) => `skal være et tall med desimalpunktum (f.eks. ${example})`,
  expectDecimalOrEmpty: (example: string) => `skal være et tall med desimalpunktum (f.eks. ${example}), eller stå tom`,
  expectYear: () => "skal være et firesifret årstall",
  expectId: () => "skal være en id med små bokstaver, sifre og bindestrek",
  expectRegionId: () => "skal være en kommune eller et snitt (kommunenummer, eller et navn som asss-med-oslo)",
  expectText: (what: string) => `skal ha ${what}`,
  expectOneOf: (options: readonly string[]) => `skal være en av ${options.map((o) => (o ? `«${o}»` : "tom")).join(", ")}`,
  expectDecimals: () => "skal være et antall desimaler fra 0 til 3",
  expectKostraFunction: () => "skal være en KOSTRA-funksjon som 202, eller stå tom",
  expectSsbTable: () => "skal være SSBs femsifrede tabellnummer, f.eks. 12362, eller stå tom",
  expectDimensions: () => "skal være par av dimensjon=kode adskilt med mellomrom, f.eks. «KOKfunksjon0000=202», eller stå tom",
  expectIsoDate: () => "skal være en ISO-dato som 2025-03-15, eller stå tom",
  numberOrSymbol: (symbols: string) => `mangler et tall, eller et symbol i «status» (${symbols}) som sier hvorfor det ikke finnes`,
  numberAndSymbol: () => "har både et tall og et symbol for manglende tall i «status»: la ett av dem stå tomt",
});
