import { common } from "./common.js";
import { defineMessages } from "./message.js";

/**
 * The command line itself: which command, which options, which year.
 * `help` and `example` are command lines made by the caller ("npm run check -- --help").
 */
export const cli = defineMessages("cli", {
  unknownCommand: (name: string, closest: string | undefined, commands: readonly string[]) => ({
    text: `ukjent kommando «${name}»`,
    hint: `${closest ? `${common.didYouMean(closest).text} ` : ""}Kommandoene er ${commands.join(", ")}; se npm run kostra -- --help`,
  }),
  unknownOption: (option: string, closest: string | undefined, help: string) => ({
    text: `ukjent valg «${option}»`,
    hint: `${closest ? `${common.didYouMean(closest).text} ` : ""}Se ${help}`,
  }),
  optionNeedsValue: (option: string, help: string) => ({ text: `valget «${option}» trenger en verdi`, hint: `se ${help}` }),
  optionTakesNoValue: (option: string, help: string) => ({ text: `valget «${option}» tar ingen verdi`, hint: `se ${help}` }),
  badCommandLine: (help: string) => ({ text: "kommandolinjen kan ikke leses", hint: `se ${help}` }),
  missingArgument: (what: string, example: string) => ({ text: `mangler ${what}`, hint: `skriv ${example}` }),
  unexpectedArgument: (argument: string, help: string) => ({ text: `uventet argument «${argument}»`, hint: `se ${help}` }),

  whichYear: (example: string) => ({ text: "hvilket år?", hint: `skriv rapportåret, f.eks. ${example}` }),
  notAYear: (text: string, example: string) => ({ text: `«${text}» er ikke et årstall`, hint: `skriv rapportåret med fire sifre, f.eks. ${example}` }),
  noYearFolder: () => ({ text: "det finnes ingen årsmappe under data/", hint: "lag en, f.eks. data/2025/ med report.yaml, eller kopier et år med npm run new-year -- 2026" }),

  interrupted: (signal: string) => `avbrutt (${signal}): ingen filer er endret`,
});
