import { defineMessages } from "./message.js";

const FETCH_AGAIN = "hent tabellen på nytt fra SSB";
const JSON_STAT = "last ned tabellen som JSON-stat 2.0 (PxWebApi: outputFormat=json-stat2)";
const NOTHING_CHANGED = "ingen filer er endret";

/** Reading SSB's files and fetching them (src/import/, npm run import, npm run fetch). */
export const importing = defineMessages("importing", {
  // The command line.
  noReport: (year: number) => ({ text: `det finnes ingen rapport for ${year}`, hint: `lag den med npm run new-year -- ${year}` }),
  preliminaryAndFinal: () => ({ text: "velg --preliminary eller --final, ikke begge", hint: "uten noen av dem avgjør SSBs oppdateringsdato om tallene er foreløpige" }),
  badAllow: (pair: string) => ({ text: `--allow ${pair} er ikke <gammelt nummer>=<nytt nummer>`, hint: "for eksempel --allow 0220=3025" }),
  allowNotAChange: (from: string, to: string, targets: string) => ({
    text: `--allow ${from}=${to} står ikke i SSBs liste over endrede kommunenummer`,
    hint: targets ? `${from} ble til ${targets}` : `${from} har ingen registrert endring`,
  }),
  badYear: (text: string) => ({ text: `«${text}» er ikke et årstall`, hint: "for eksempel --year 2025" }),
  badSeconds: (source: string, text: string) => ({ text: `${source}: «${text}» er ikke et antall sekunder`, hint: "gi et tall over null, for eksempel 60 eller 1,5" }),
  noSsbTable: () => ({ text: "ingen indikator nevner en SSB-tabell", hint: "gi indikatorene ssb_table og ssb_contents (se README «Tall fra SSB»)" }),
  saved: (file: string) => `Lagret ${file}`,
  /** Where a value came from, in the change lists: "SSB 12362, foreløpig, oppdatert 2025-03-15". */
  provenance: (source: string, release: string, updated: string, readFromText: boolean) =>
    [source || "indikatorens kilde", release, updated ? `oppdatert ${updated}` : "", readFromText ? "lest fra teksten" : ""].filter(Boolean).join(", "),
  fetchProgress: (table: string, part: number, parts: number, cells: number) => `ssb ${table} ${part}/${parts}: ${cells} celler`,

  // Fetching from SSB.
  connectTimeout: (table: string, seconds: string, url: string) => ({
    text: `tabell ${table}: fikk ikke kontakt med SSB innen ${seconds} s`,
    hint: `sjekk nettforbindelsen og prøv igjen; ${NOTHING_CHANGED}. Lengre frist: --connect-timeout <sek> eller SSB_CONNECT_TIMEOUT. Spørringen var ${url}`,
  }),
  deadline: (table: string, seconds: string, url: string) => ({
    text: `tabell ${table}: SSB svarte ikke ferdig innen ${seconds} s`,
    hint: `SSB er treg eller nede; prøv igjen senere, eller gi lengre frist med --timeout <sek> eller SSB_TIMEOUT; ${NOTHING_CHANGED}. Spørringen var ${url}`,
  }),
  unreachable: (table: string, code: string, url: string) => ({
    text: `tabell ${table}: fikk ikke kontakt med SSB (${code})`,
    hint: `sjekk nettforbindelsen; ${NOTHING_CHANGED}. Spørringen var ${url}`,
  }),
  foreignRedirect: (table: string, from: string, to: string, origin: string) => ({
    text: `tabell ${table}: SSB-adressen ${from} sendte videre til ${to}, som er en annen vert`,
    hint: `bare svar fra ${origin} tas imot; sjekk SSB_API_URL; ${NOTHING_CHANGED}`,
  }),
  tooManyRedirects: (table: string, url: string, limit: number) => ({
    text: `tabell ${table}: mer enn ${limit} omdirigeringer fra ${url}`,
    hint: `sjekk SSB_API_URL; ${NOTHING_CHANGED}`,
  }),
  unreadableAnswer: (table: string, problem: string, url: string) => ({
    text: `tabell ${table}: svaret fra SSB er ikke lesbar JSON-stat: ${problem}`,
    hint: `${NOTHING_CHANGED}; spørringen var ${url}`,
  }),
  wrongTable: (asked: string, got: string, url: string) => ({
    text: `SSB svarte med tabell ${got} da tabell ${asked} ble hentet`,
    hint: `svaret er ikke lagret; sjekk tabellnummeret og SSB_API_URL; ${NOTHING_CHANGED}. Spørringen var ${url}`,
  }),
  metadataUnreadable: (table: string, url: string) => ({
    text: `tabell ${table}: SSBs beskrivelse av tabellen har ingen liste over dimensjoner`,
    hint: `sjekk tabellnummeret og SSB_API_URL; adressen var ${url}`,
  }),
  missingDimension: (table: string, kind: "contents" | "time" | "region", dimensions: string) => ({
    text: `tabell ${table} har ingen ${kind === "contents" ? "statistikkvariabel (ContentsCode)" : kind === "time" ? "tidsdimensjon (Tid)" : "dimensjon for kommuner og områder"}; dimensjonene er ${dimensions}`,
    hint: "bare tabeller med kommuner, statistikkvariabel og år kan hentes",
  }),
  unknownDimension: (indicator: string, table: string, dimension: string, dimensions: string, guess: string | undefined) => ({
    text: `indikatoren ${indicator}: tabell ${table} har ingen dimensjon «${dimension}» (ssb_dimensions)`,
    hint: `${guess ? `mente du «${guess}»? ` : ""}tabellens dimensjoner er ${dimensions}`,
  }),
  tooManyRequests: (table: string, status: number) => ({
    text: `tabell ${table}: SSB avviste spørringen to ganger for mange spørringer (HTTP ${status})`,
    hint: "vent et minutt og prøv igjen",
  }),
  rejected: (table: string, title: string, detail: string | undefined, status: number, kind: "value" | "variable" | "cells" | "other", metadata: string) => ({
    text: `tabell ${table}: SSB avviste spørringen: ${title}${detail ? `: ${detail}` : ""} (HTTP ${status})`,
    hint:
      kind === "value"
        ? `en kode finnes ikke i tabellen; sammenlign med ${metadata}`
        : kind === "variable"
          ? `hver dimensjon må velges under sitt eksakte navn; se ${metadata}`
          : kind === "cells"
            ? "velg færre koder per spørring"
            : `se ${metadata}`,
  }),
  noSuchTable: (table: string, status: number, url: string) => ({
    text: `tabell ${table}: SSB har ingen slik tabell, eller adressen er for lang (HTTP ${status})`,
    hint: `sjekk tabellnummeret; spørringen var ${url}`,
  }),
  httpFailure: (table: string, status: number, body: string | undefined, url: string) => ({
    text: `tabell ${table}: SSB svarte HTTP ${status} ${body ? `med ${body}` : "uten innhold"}`,
    hint: `prøv igjen senere; fortsetter det, sjekk spørringen: ${url}`,
  }),
  notTableNumber: (table: string) => ({ text: `«${table}» er ikke et tabellnummer`, hint: "SSBs tabeller har nummer, for eksempel 12134" }),
  dimensionTwice: (table: string, dimension: string) => ({ text: `tabell ${table}: dimensjonen «${dimension}» er valgt to ganger`, hint: "velg hver dimensjon én gang" }),
  noCodes: (table: string, dimension: string) => ({ text: `tabell ${table}: ingen koder er valgt for dimensjonen «${dimension}»`, hint: "SSB trenger minst én kode per dimensjon" }),
  notPlainCode: (table: string, code: string, dimension: string) => ({
    text: `tabell ${table}: «${code}» i dimensjonen «${dimension}» er ikke en enkel kode`,
    hint: "skriv kodene ut; jokertegn og top()/range() kan ikke telles",
  }),
  tooManyCellsLeft: (table: string, cells: number, limit: number) => ({
    text: `tabell ${table}: spørringen kan ikke deles mer, én spørring trenger fortsatt ${cells} celler (SSBs grense er ${limit})`,
    hint: "velg færre koder",
  }),
  urlTooLongLeft: (table: string, length: number, limit: number) => ({
    text: `tabell ${table}: spørringen kan ikke deles mer, én adresse er fortsatt ${length} tegn (grensen er ${limit})`,
    hint: "velg færre eller kortere koder",
  }),

  // Reading a saved file.
  fileNotFound: () => ({ text: "filen finnes ikke", hint: "gi stien til en fil lagret fra SSB (JSON-stat eller CSV)" }),
  isDirectory: () => ({ text: "dette er en mappe, ikke en fil", hint: "gi filene i mappen, for eksempel data/2025/ssb/*.json" }),
  diskFull: () => ({ text: "disken er full", hint: `frigjør plass og prøv igjen; ${NOTHING_CHANGED}` }),
  noAccess: (verb: string, readOnlyDisk: boolean) => ({
    text: `har ikke tilgang til å ${verb} ${readOnlyDisk ? "her: stedet er skrivebeskyttet" : "filen"}`,
    hint: readOnlyDisk ? "velg en mappe på en disk du kan skrive til" : "sjekk rettighetene til filen og mappen",
  }),
  changedMeanwhile: () => ({
    text: "filen ble endret av et annet program mens importen pågikk",
    hint: "importen er ikke skrevet, så den andre endringen er beholdt; kjør importen igjen",
  }),
  utf16: () => ({ text: "filen er UTF-16 (Excels «Unicode-tekst»), ikke SSBs nedlasting", hint: "last ned tabellen fra SSB på nytt, eller lagre den som CSV UTF-8" }),
  spreadsheet: (kind: "xlsx" | "xls") => ({
    text: `dette er et regneark (${kind === "xlsx" ? "Excel .xlsx/.xlsm, eller .ods" : "Excel .xls"}), ikke SSBs CSV eller JSON-stat`,
    hint: "last ned tabellen i Statistikkbanken som «CSV (semikolondelt)» eller JSON-stat 2.0, eller lagre arket i Excel som «CSV UTF-8 (semikolondelt)»",
  }),
  emptyFile: () => ({ text: "filen er tom", hint: FETCH_AGAIN }),
  htmlPage: () => ({ text: "dette er en nettside (HTML), ikke tall fra SSB", hint: "lagre selve JSON-stat- eller CSV-filen (PxWebApi: outputFormat=json-stat2), ikke siden som viser den" }),
  ssbErrorFile: (problem: string) => ({ text: `SSB svarte med en feilmelding, ikke tall: ${problem}`, hint: "rett spørringen (tabell, koder, år) og last ned på nytt" }),
  jsonEmpty: () => ({ text: "ikke JSON: filen er tom", hint: JSON_STAT }),
  notJson: (start: string) => ({ text: `ikke JSON: filen begynner med ${start}`, hint: JSON_STAT }),
  truncatedJson: (reason: string, position: number) => ({ text: `avkuttet, eller ikke JSON: ${reason} ved tegn ${position}`, hint: `nedlastingen kan ha blitt avbrutt; ${FETCH_AGAIN}` }),
  ssbErrorBody: (title: string, status: number) => ({ text: `dette er en feilmelding fra SSB, ikke tall: ${title} (HTTP ${status})`, hint: "rett spørringen og last ned tabellen på nytt" }),
  jsonStatVersion1: () => ({ text: "dette er JSON-stat 1 (uten «version»: «2.0»), som ikke leses", hint: JSON_STAT }),
  notJsonStat: () => ({ text: "ikke JSON-stat: mangler «version»: «2.0» og «class»: «dataset»", hint: JSON_STAT }),
  jsonStatUnsupportedVersion: (version: string) => ({ text: `JSON-stat-versjon ${version} leses ikke`, hint: JSON_STAT }),
  jsonStatNotDataset: (kind: string) => ({ text: `en JSON-stat ${kind}, ikke et «dataset»`, hint: "last ned én tabell som dataset (outputFormat=json-stat2)" }),
  jsonStatNotObject: () => ({ text: "ikke et JSON-stat-datasett: øverste nivå er ikke et objekt", hint: JSON_STAT }),
  jsonStatField: (field: string, shape: string) => ({ text: `«${field}» skal være ${shape}`, hint: FETCH_AGAIN }),
  jsonStatMissing: (field: string) => ({ text: `«${field}» mangler`, hint: FETCH_AGAIN }),
  jsonStatSizeMismatch: (ids: number, sizes: number) => ({ text: `«id» nevner ${ids} dimensjoner, men «size» har ${sizes} tall`, hint: FETCH_AGAIN }),
  jsonStatDimensionMissing: (id: string) => ({ text: `dimensjonen «${id}» står i «id», men mangler under «dimension»`, hint: FETCH_AGAIN }),
  jsonStatNoCategory: (id: string) => ({ text: `dimensjonen «${id}» har ingen «category»`, hint: FETCH_AGAIN }),
  jsonStatCategoryCount: (id: string, count: number, size: number) => ({ text: `dimensjonen «${id}» har ${count} kategorier, men «size» sier ${size}`, hint: FETCH_AGAIN }),
  jsonStatNoIndex: (id: string, count: number) => ({ text: `dimensjonen «${id}» har ${count} kategorier, men ingen «category.index» som ordner dem`, hint: FETCH_AGAIN }),
  jsonStatIndexNotCodes: (id: string) => ({ text: `dimensjonen «${id}»: «category.index» skal liste koder`, hint: FETCH_AGAIN }),
  jsonStatIndexShape: (id: string) => ({ text: `dimensjonen «${id}»: «category.index» skal være et objekt eller en liste`, hint: FETCH_AGAIN }),
  jsonStatIndexPosition: (id: string, code: string, position: string, last: number) => ({
    text: `dimensjonen «${id}»: kategorien «${code}» har plass ${position}, ikke én av 0…${last} brukt én gang`,
    hint: FETCH_AGAIN,
  }),
  jsonStatValueCount: (field: string, count: number, cells: string) => ({ text: `«${field}» har ${count} tall, men tabellen har ${cells} celler`, hint: FETCH_AGAIN }),
  jsonStatBadValue: (where: string, got: string) => ({ text: `${where} er ${got}, ikke et tall eller null`, hint: FETCH_AGAIN }),
  jsonStatBadSymbol: (where: string, got: string) => ({ text: `${where} er ${got}, ikke et symbol`, hint: FETCH_AGAIN }),
  jsonStatIndexOutOfRange: (field: string, key: string, cells: number) => ({ text: `«${field}»: plass «${key}» er utenfor tabellens ${cells} celler`, hint: FETCH_AGAIN }),
  jsonNoTable: (member: string) => ({ text: "kan ikke se hvilken SSB-tabell dette er", hint: `ventet ${member} eller en tittel som begynner med tabellnummeret («12134: …»)` }),
  jsonNoDimension: (kind: "region" | "contents" | "time", names: string) => ({
    text: `ingen ${kind === "region" ? "dimensjon for kommuner og områder" : kind === "contents" ? "statistikkvariabel" : "tidsdimensjon"} blant ${names}`,
    hint: kind === "region" ? "ventet role.geo eller KOKkommuneregion0000" : kind === "contents" ? "ventet role.metric eller ContentsCode" : "ventet role.time eller Tid",
  }),
  jsonNotYear: (code: string, dimension: string) => ({ text: `perioden «${code}» i dimensjonen «${dimension}» er ikke et årstall`, hint: "bare årstabeller leses" }),
  unknownCsvLayout: (header: string | undefined, layouts: string) => ({
    text: header ? `ukjent CSV-oppsett: ${header}` : "ukjent CSV-oppsett: ingen overskriftsrad",
    hint: `SSBs CSV-nedlasting leses i to oppsett: ${layouts}`,
  }),
  csvNoTable: () => ({ text: "kan ikke se hvilken SSB-tabell dette er", hint: "last ned CSV-en med tittelen («12134: …» på første rad)" }),
  csvFieldCount: (fields: number, header: number) => ({ text: `raden har ${fields} felt, overskriften har ${header}`, hint: FETCH_AGAIN }),
  malformedCsv: (problem: string) => ({ text: `ødelagt CSV: ${problem}`, hint: "SSBs CSV er semikolondelt med tekster i anførselstegn" }),
  csvRegionWithoutCode: (text: string) => ({
    text: `«${text}» har ingen kommunekode`,
    hint: "last ned CSV-en med koder og navn («3201 Bærum»), for eksempel outputFormatParams=UseCodesAndTexts",
  }),
  csvNotNumber: (text: string) => ({ text: `ventet et tall eller et av SSBs symboler (. .. ... : -), fant «${text}»`, hint: "tall skrives med desimalkomma (13,9); et tall som mangler er et symbol, for eksempel .." }),
  csvNotYear: (text: string) => ({ text: `ventet et årstall, fant «${text}»`, hint: "bare årstabeller leses" }),
  notKlassChanges: (member: string) => ({
    text: `ikke et svar fra KLASS om endringer: ingen liste «${member}»`,
    hint: "lagre svaret fra https://data.ssb.no/api/klass/v1/classifications/131/changes?from=…&to=… som JSON",
  }),
  klassFieldMissing: (where: string, field: string) => `${where}: «${field}» mangler`,
  klassBadDate: (where: string, field: string, got: string) => ({ text: `${where}: «${field}» skal være en dato (ÅÅÅÅ-MM-DD), fant «${got}»`, hint: "rett datoen i endringslisten" }),

  // Mapping and merging.
  noIndicatorForTable: (table: string) => ({
    text: `ingen indikator hører til tabell ${table}`,
    hint: `gi en indikator ssb_table ${table} og ssb_contents i data/indicators.csv, eller importer en annen tabell`,
  }),
  twoValues: (cell: string, first: unknown, firstWhere: string, second: unknown, secondWhere: string, allowed: boolean) => ({
    text: `to ulike tall for ${cell}: ${String(first)} (${firstWhere}) og ${String(second)} (${secondWhere})`,
    hint: allowed
      ? "to --allow-steg fører til samme kommune, eller ssb_dimensions i data/indicators.csv slipper gjennom flere celler: tillat én forgjenger, eller rett dimensjonene"
      : "rett de andre dimensjonene i ssb_dimensions i data/indicators.csv så én celle er ment",
  }),
  filesDisagree: (cell: string, value: string, file: string, other: string, otherFile: string) => ({
    text: `${cell} er ${value} i ${file}, men ${other} i ${otherFile}`,
    hint: "importer én av filene, eller den nyeste nedlastingen av tabellen",
  }),
  notPlausible: (cell: string, shown: string) => ({
    text: `${cell}: ${shown} er ikke et troverdig tall`,
    hint: "sjekk filen: SSB skriver tallene helt ut; ingenting er skrevet",
  }),
  impossibleValue: (cell: string, shown: string, unit: string, min: string, max: string) => ({
    text: `${cell}: ${shown} er ikke mulig for en indikator i ${unit} (${min} til ${max})`,
    hint: "sjekk filen og tallet; kan indikatoren virkelig ha det, gi den min/max i data/indicators.csv. Ingenting er skrevet",
  }),
  undated: (file: string, updated: string | undefined) =>
    `${file}: ${updated ? `«${updated}» er ikke en dato` : "filen sier ikke når SSB oppdaterte tabellen"}; tallene merkes foreløpige eller endelige etter dagens dato — si --preliminary eller --final om det er feil`,
  notCarriedOver: (change: string, code: string, to: string) => `${change}: ikke overført (ta det med med --allow ${code}=${to})`,
  mergedInto: (first: string, others: string, into: string, date: string) => `${first} ble slått sammen med ${others} til ${into} ${date}`,
  splitInto: (first: string, into: string, date: string) => `${first} ble delt i ${into} ${date}`,

  // What an import reports.
  warning: (line: string) => `advarsel: ${line}`,
  fileSummary: (file: string, table: string, count: number) => `${file}: tabell ${table}, ${count} tall`,
  unmappedContents: (code: string, label: string) => `ikke koblet: statistikkvariabel ${code} (${label}) — ingen indikator har ssb_contents ${code}`,
  unknownRegion: (code: string, label: string) => `ikke med i rapporten: ${code} ${label} — legg den til i data/regions.csv for å importere den`,
  outdatedRegion: (code: string, label: string, current: string) =>
    `${code} ${label} har nå nummer ${current}: data/regions.csv har det gamle nummeret — bytt ${code} til ${current} der for å importere tallene`,
  mergedOrSplit: (line: string) => `sammenslått eller delt: ${line}`,
  otherYears: (list: string) => `andre år, ikke importert: ${list}`,
  otherDimensionCells: (count: number) => `${count} celle(r) med andre funksjoner/arter, ikke importert`,
  keptNewer: (kept: string, keptFrom: string, offered: string, offeredFrom: string) => `beholdt ${kept} (${keptFrom}); filens ${offered} (${offeredFrom}) er eldre`,
  summary: (added: number, changed: number, unchanged: number, older: number, ignored: number, target: string | undefined) =>
    `import: ${added} nye, ${changed} endret, ${unchanged} uendret, ${older ? `${older} beholdt (filen er eldre), ` : ""}${ignored} utelatt${target ? ` → ${target}` : " (--dry-run: ingenting skrevet)"}`,
});
