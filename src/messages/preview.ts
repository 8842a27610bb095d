import { defineMessages } from "./message.js";

/** `npm run preview`: the command, the server's answers and log lines, and the texts of the page it adds. */
export const preview = defineMessages("preview", {
  commandDescription: () => `Viser rapporten i nettleseren på http://127.0.0.1:4321/ og oppdaterer siden av seg selv
når du lagrer en fil under data/ eller templates/. Feil vises i siden med fil og linje.
Knappen «Lag PDF og Word» lager filene i output/<år>/. Ctrl+C avslutter.`,
  portOption: () => "porten serveren lytter på (standard 4321)",
  yearPositional: () => "rapportåret, f.eks. 2025",
  started: (year: number, url: string) => `Forhåndsvisning av ${year}: ${url}  (Ctrl+C avslutter)`,
  badPort: (value: string) => ({ text: `«${value}» er ikke et portnummer`, hint: "skriv et tall fra 0 til 65535, f.eks. --port 4322" }),
  portInUse: (port: number, other: number) => ({
    text: `porten ${port} er allerede i bruk`,
    hint: `velg en annen med --port ${other}, eller stopp den andre forhåndsvisningen`,
  }),
  portForbidden: (port: number) => ({ text: `porten ${port} kan bare brukes av administrator`, hint: "velg en over 1023, f.eks. --port 4321" }),

  // What the server answers a request it refuses (JSON `error`).
  wrongHost: (host: string, port: number) => `feil vertsnavn «${host}»: åpne forhåndsvisningen som http://127.0.0.1:${port}/`,
  crossOrigin: (origin: string) => `forespørsel fra en annen side («${origin}») avvist`,
  crossSite: (site: string) => `forespørsel fra en annen side avvist (Sec-Fetch-Site: ${site})`,
  notFound: () => "finnes ikke",
  malformedUrl: () => "ugyldig adresse",
  internal: () => "intern feil i forhåndsvisningen",

  // Log lines in the terminal.
  built: (ms: number) => `bygget på ${ms} ms`,
  buildFailed: (ms: number, error: string) => `feil på ${ms} ms: ${error}`,
  filesStarted: () => "lager PDF og Word …",
  filesBuilt: (ms: number, files: readonly string[]) => `PDF og Word laget på ${ms} ms: ${files.join(", ")}`,
  filesFailed: (error: string) => `PDF og Word feilet: ${error}`,
  internalError: (detail: string) => `intern feil: ${detail}`,
  cannotWatch: (detail: string) => `kan ikke overvåke: ${detail}`,

  // The page: the toolbar, the error banner, and what the toolbar's script writes.
  pageTitle: () => "Forhåndsvisning",
  banner: () => "Rapporten kunne ikke bygges – rett feilen, så oppdateres siden av seg selv:",
  buildButton: () => "Lag PDF og Word",
  webLink: () => "Se nettutgaven",
  building: () => "Lager PDF og Word …",
  buildError: () => "Feil:",
});
