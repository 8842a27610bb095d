import { defineMessages } from "./message.js";

/** A run that needs a set of files to itself (src/lock/lockFile.ts). */
export const locking = defineMessages("locking", {
  held: (guards: string, command: string | undefined, pid: number | undefined, since: string | undefined, lockFile: string) => ({
    text: `${guards} er i bruk av en annen kjøring${command ? ` (${command}` : ""}${pid ? `${command ? ", " : " ("}prosess ${pid}` : ""}${since ? `, startet ${since}` : ""}${command || pid ? ")" : ""}`,
    hint: `vent til den er ferdig og prøv igjen; ingenting er endret. Henger låsen igjen etter en kjøring som ikke finnes lenger, slett ${lockFile}`,
  }),
  unreadable: (guards: string, lockFile: string) => ({
    text: `låsefilen for ${guards} kan ikke leses, så det er uklart om en annen kjøring er i gang`,
    hint: `ingenting er endret. Går ingen annen kjøring nå, slett ${lockFile} og prøv igjen`,
  }),
  cannotCreate: (lockFile: string, code: string) => ({
    text: `kan ikke lage låsefilen ${lockFile} (${code})`,
    hint: "sjekk at mappen finnes og at du har skrivetilgang til den; ingenting er endret",
  }),
});
