import { ReportError } from "../../errors.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const previewCommand: Command = {
  name: "preview",
  synopsis: "<år> [--document <navn>] [--port 4321]",
  description: `Viser rapporten i nettleseren på http://127.0.0.1:4321/ og oppdaterer siden av seg selv
når du lagrer en fil under data/ eller templates/. Feil vises i siden med fil og linje.
Knappen «Lag PDF og Word» lager filene i output/<år>/. Ctrl+C avslutter.`,
  options: {
    document: DOCUMENT_OPTION,
    port: { type: "string", value: "<port>", describe: "porten serveren lytter på (standard 4321)" },
  },
  positionals: { min: 1, max: 1, name: "the report year, e.g. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { projectPaths } = await import("../../pipeline.js");
    const { startPreview } = await import("../../preview/server.js");
    const year = yearArgument(args.positionals, "preview");
    const port = args.values.port === undefined ? 4321 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ReportError(`"${String(args.values.port)}" is not a port number`, { hint: "e.g. --port 4322" });
    const document = documentOf(args);
    const preview = await startPreview(projectPaths(root), { year, port, log: (line) => out(`  ${line}`), ...(document ? { document } : {}) });
    out(`Forhåndsvisning av ${year}: ${preview.url}  (Ctrl+C avslutter)`);
    await new Promise<void>(() => {
      // Runs until Ctrl+C: the command line's signal handler ends the process.
    });
    return EXIT.done;
  },
};
