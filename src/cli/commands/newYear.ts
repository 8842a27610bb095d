import { msg } from "../../messages/catalogue.js";
import { EXIT, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const newYearCommand: Command = {
  name: "new-year",
  synopsis: "<år>",
  description: `Lager data/<år>/ fra året før: rapportdefinisjonen med årene flyttet ett år frem og
tittelen endret, kommentarene kopiert (redaktørene oppdaterer dem), og tallene for årene
begge rapportene viser, kopiert med kilde. Kjør deretter npm run check -- <år> for å se
hvilke tall som mangler og hvilke SSB-tabeller de kommer fra.`,
  options: {},
  positionals: { min: 1, max: 1, name: "det nye rapportåret, f.eks. 2026" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { createNewYear } = await import("../../newYear/newYear.js");
    const year = yearArgument(args.positionals, "new-year");
    const result = createNewYear(root, year);
    out(msg.newYear.created(result.dir, result.from, result.documents, result.copied, result.dropped).text);
    out(msg.newYear.nextStep(year).text);
    return EXIT.done;
  },
};
