import { defineMessages } from "./message.js";

/** `npm run changes` and the list printed after an import: what moved since the last build. */
export const changes = defineMessages("changes", {
  recordDamaged: () => ({ text: "byggeposten (build-record.json) er skadet: den er ikke en byggepost slik rapporten skriver den", hint: "lag rapporten på nytt med npm run report, så skrives en ny" }),
  recordNotAFile: () => ({ text: "der byggeposten (build-record.json) skal ligge, er det en mappe", hint: "flytt eller slett mappen og lag rapporten på nytt med npm run report, så skrives byggeposten" }),
  recordUnreadable: (code: string) => ({ text: `byggeposten (build-record.json) kan ikke leses (${code})`, hint: "sjekk at du har lesetilgang til filen, eller lag rapporten på nytt med npm run report" }),
  noBuildYet: (year: number, document: string | undefined) => ({
    text: `rapporten for ${year} er ikke laget ennå`,
    hint: `lag den med npm run report -- ${year}${document ? ` --document ${document}` : ""}; endringene regnes fra den`,
  }),
  since: (builtAt: string) => `Endringer siden rapporten ble laget ${builtAt} UTC:`,

  valuesChanged: (count: number) => `Verdier som er endret (${count}):`,
  noValuesChanged: () => "Ingen verdier er endret.",
  /** Where a value came from when it was not there before, and when it is gone. */
  newValue: () => "ny",
  removedValue: () => "fjernet",
  noValueThen: () => "(ingen verdi)",

  sentencesToReread: (document: string, count: number) => `Setninger i ${document} som må leses på nytt (${count}):`,
  noSentencesChanged: (document: string) => `Ingen setninger i ${document} viser andre tall.`,
  sentencesToRewrite: (document: string) => `Setninger i ${document} som må skrives om:`,
});
