import { join, relative } from "node:path";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const changesCommand: Command = {
  name: "changes",
  synopsis: "<år> [--document <navn>]",
  description: `Sammenligner dataene den siste rapporten ble laget av (output/<år>/<dokument>-<år>.build-record.json,
skrevet ved hver bygging) med dagens: hver verdi som er endret, og hver setning i
kommentarene som nå viser et annet tall, med fil:linje – listen redaktørene skal lese på nytt.`,
  options: { document: DOCUMENT_OPTION },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { readBuildRecord } = await import("../../changes/buildRecord.js");
    const { printChanges } = await import("../printChanges.js");
    const { outputName, projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "changes");
    const paths = projectPaths(root);
    const document = documentOf(args);
    const dir = join(paths.outputDir, String(year));
    const record = readBuildRecord(dir, relative(root, dir), outputName(paths, year, document));
    if (!record) throw new ReportError(msg.changes.noBuildYet(year, document));
    out(msg.changes.since(record.builtAt.slice(0, 16).replace("T", " ")).text);
    await printChanges(paths, year, record.observations, out, document);
    return EXIT.done;
  },
};
