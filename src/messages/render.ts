import { defineMessages } from "./message.js";

/** Why a file could not be written, by the file system's error code, and what to do. */
const WRITE_REASONS: Readonly<Record<string, readonly [string, string]>> = {
  EACCES: ["ingen tilgang", "sjekk at du har skrivetilgang til mappen, og at filen ikke er åpen i et annet program"],
  EPERM: ["filen eller mappen er låst eller skrivebeskyttet", "lukk den i Word eller PDF-leseren, eller fjern låsen (skrivebeskyttelsen), og bygg på nytt"],
  EBUSY: ["filen er i bruk", "lukk den i programmet som har den åpen, og bygg på nytt"],
  EROFS: ["disken er skrivebeskyttet", "skriv rapporten til en annen disk (--root), eller be om skrivetilgang"],
  ENOSPC: ["disken er full", "frigjør plass og bygg på nytt; forrige filer er urørt"],
  EDQUOT: ["diskkvoten er brukt opp", "frigjør plass og bygg på nytt; forrige filer er urørt"],
  ENOTDIR: ["en del av stien er en fil, ikke en mappe", "fjern eller gi nytt navn til den filen, så mappen kan lages"],
  EISDIR: ["det er en mappe, ikke en fil", "fjern eller gi nytt navn til mappen"],
  EEXIST: ["en fil står der det trengs en mappe", "fjern eller gi nytt navn til filen"],
};

/** The output formats: choosing them, Chromium for the PDF, and writing the files. */
export const render = defineMessages("render", {
  unknownFormat: (name: string, known: readonly string[], nearest: string | undefined) => ({
    text: `ukjent format «${name}»`,
    hint: nearest ? `mente du «${nearest}»?` : `velg blant ${known.join(", ")}`,
  }),
  browserPathMissing: (variable: string, path: string) => ({
    text: `${variable} peker på ${path}, som ikke finnes`,
    hint: "fjern variabelen for å bruke systemets Chromium, eller la den peke på en Chromium- eller Chrome-programfil",
  }),
  noBrowser: () => ({
    text: "fant ingen Chromium å skrive ut PDF-en med",
    hint: "kjør npm run setup (installerer Debians chromium), eller sett PUPPETEER_EXECUTABLE_PATH",
  }),
  browserSystem: () => "systemets nettleser",
  browserFromVariable: (variable: string) => `fra ${variable}`,
  browserPuppeteerCache: () => "Puppeteers nettleserlager",
  chromiumStopped: (how: string) => ({
    text: `Chromium stoppet uventet (${how}) mens PDF-en ble laget`,
    hint: "bygg på nytt; skjer det igjen, se etter lite minne eller noe som stopper Chromium. Forrige filer er urørt",
  }),
  wordOutOfMemory: () => ({
    text: "Word-filen fikk ikke plass i minnet Node har til rådighet",
    hint: "gi Node mer minne (f.eks. NODE_OPTIONS=--max-old-space-size=4096 npm run report -- 2025), eller lag bare PDF med --format pdf; forrige filer er urørt",
  }),
  chromiumSignal: (signal: string) => `signal ${signal}`,
  chromiumExitCode: (code: number) => `avslutningskode ${code}`,
  /** `code`: the file system's error code (EACCES …); an unknown one is shown by `detail`. */
  cannotWrite: (path: string, code: string, detail: string) => {
    const [reason, hint] = WRITE_REASONS[code] ?? [detail, "forrige filer er urørt"];
    return { text: `kan ikke skrive ${path}: ${reason}`, hint };
  },
});
