import { defineMessages } from "./message.js";

/** `npm run changes` and the list printed after an import: what moved since the last build. */
export const changes = defineMessages("changes", {
  recordDamaged: () => ({ text: "byggeposten (build-record.json) er skadet", hint: "lag rapporten på nytt, så skrives en ny" }),
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
