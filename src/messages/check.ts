import { common } from "./common.js";
import { defineMessages } from "./message.js";

/** The findings of `npm run check`: what the report would print wrong, and what to do. */
export const check = defineMessages("check", {
  // How a finding and the summary read
  severityError: () => "feil",
  severityWarning: () => "advarsel",
  commandLine: () => "(kommandolinjen)",
  summary: (errors: number, warnings: number, ms: number) => `kontroll: ${errors} feil, ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"} på ${ms} ms`,

  // commentary.ts
  sectionWithoutCommentary: (section: string, title: string | undefined, chapter: string, dir: string, folderExists: boolean, skipped: readonly string[], definitionFile: string) => ({
    text:
      `seksjonen «${section}»${title ? ` (${title})` : ""} har ingen kommentar: ` +
      (folderExists ? `ingen .md-fil i ${dir}/ har toppdelen «chapter: ${chapter}» og «section: ${section}»` : `mappen ${dir}/ finnes ikke`) +
      (skipped.length ? `; ikke lest fordi navnet ikke slutter på .md: ${skipped.join(", ")}` : ""),
    hint: `skriv teksten i en .md-fil der, eller sett «commentary: false» på seksjonen i ${definitionFile}`,
  }),

  // literals.ts
  staleCopy: (literal: string, place: string, year: number, indicator: string, newest: string, latest: number) => ({
    text: `«${literal}» ser ut som en utdatert kopi: det er tallet for ${place} i ${year} for ${indicator}, som er ${newest} i ${latest}`,
    hint: `skriv {{verdi "${indicator}" "${place}" ${latest}}}`,
  }),
  literalInData: (literal: string, indicator: string, place: string, year: number) => ({
    text: `tallet «${literal}» står skrevet inn i teksten og er lik ${indicator} for ${place} ${year} i dataene`,
    hint: `skriv {{verdi "${indicator}" "${place}" ${year}}}, så følger teksten dataene`,
  }),
  closeToExpression: (literal: string, near: string, indicator: string) => ({
    text: `«${literal}» ligger nær, men er ikke, ${near} (${indicator} i samme avsnitt); en utdatert kopi?`,
    hint: "skriv tallet som et uttrykk",
  }),

  // ranges.ts
  impossibleValue: (value: string, indicator: string, unit: string, min: string, max: string) => ({
    text: `${value} er ikke en mulig verdi for ${indicator} (${unit}: fra ${min} til ${max})`,
    hint: "rett verdien; kan indikatoren virkelig ha den, gi den min/max i data/indicators.csv",
  }),

  // reportYear.ts
  titleYear: (title: string, named: string, year: number) => ({
    text: `tittelen «${title}» nevner ${named}, men dette er rapporten for ${year}`,
    hint: `endre tittelen til ${year} (ble mappen kopiert fra data/${named}?)`,
  }),
  headingYear: (heading: string, named: string, year: number) => ({
    text: `overskriften «${heading}» nevner ${named} i rapporten for ${year}`,
    hint: "en rest fra fjorårets definisjon?",
  }),
  newestYear: (newest: number, year: number, definitionFile: string, dataUpTo: number) => ({
    text: `det nyeste året som vises er ${newest}, som ikke passer med rapportåret ${year}`,
    hint: `flytt årene i ${definitionFile} frem (en KOSTRA-analyse for ${year} viser tall til og med ${dataUpTo})`,
  }),

  // shares.ts
  sharesSum: (exhibit: string, sum: string, year: number, hundred: string, terms: string) => ({
    text: `andelene i «${exhibit}» summerer til ${sum} i ${year}, ikke ${hundred}`,
    hint: `${terms}; sjekk kilden for kategorier som overlapper eller mangler`,
  }),

  // titles.ts
  titleContradicts: (title: string, word: string, indicator: string, indicatorTitle: string, closest: string) => ({
    text: `tittelen «${title}» sier «${word}», men indikatoren ${indicator} heter «${indicatorTitle}»`,
    hint: `${common.didYouMean(closest).text} Eller er det feil indikator?`,
  }),

  // unchangedCommentary.ts
  unchangedCommentary: (previous: string, year: number) => ({
    text: `teksten er ord for ord fjorårets (${previous})`,
    hint: `oppdater den for ${year}: årstall og tall i teksten kan være utdatert`,
  }),

  // years.ts
  yearOutsideReport: (mentioned: string, first: number, last: number) => ({
    text: `teksten nevner ${mentioned}, utenfor rapportens år ${first}–${last}`,
    hint: "en rest fra en tidligere rapport?",
  }),
});
