import type { Command } from "./command.js";

/** What each command does, in one line, for the overview; a command's own --help says the rest. */
export const SUMMARIES: Readonly<Record<string, string>> = {
  report: "lager årets dokument (PDF, Word, HTML) fra data/<år>/",
  check: "kontrollerer data, rapportdefinisjon og kommentarer uten å lage dokumentet",
  preview: "viser rapporten i nettleseren og oppdaterer den når du lagrer en fil",
  distribute: "sender årets PDF og Word-fil til alle på distribusjonslisten",
  import: "leser tall fra en SSB-fil (JSON-stat eller CSV) inn i data/<år>/observations.csv",
  fetch: "henter årets tall fra SSBs API og importerer dem",
  changes: "viser hvilke tall og setninger som er endret siden rapporten sist ble laget",
  "new-year": "lager data/<år>/ fra året før",
  draft: "skriver et første utkast til teksten i hvert avsnitt, fra dataene og bare med uttrykk",
};

/** `npm run kostra -- --help`: every command with one line, in the order of COMMANDS. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "Bruk: npm run <kommando> -- <argumenter>   (eller: npm run kostra -- <kommando> <argumenter>)",
    "",
    "Kommandoer:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${SUMMARIES[command.name] ?? command.description.split("\n")[0]}`),
    "",
    "Mer om én kommando: npm run <kommando> -- --help",
    "Exit-kode: 0 ferdig, 1 feil i data, tekst eller kommando (med fil og linje), 2 intern feil.",
  ].join("\n");
}
