import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const previewCommand: Command = {
  name: "preview",
  synopsis: "<år> [--document <navn>] [--port 4321]",
  description: msg.preview.commandDescription().text,
  options: {
    document: DOCUMENT_OPTION,
    port: { type: "string", value: "<port>", describe: msg.preview.portOption().text },
  },
  positionals: { min: 1, max: 1, name: msg.preview.yearPositional().text },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { projectPaths } = await import("../../pipeline.js");
    const { startPreview } = await import("../../preview/server.js");
    const year = yearArgument(args.positionals, "preview");
    const port = args.values.port === undefined ? 4321 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ReportError(msg.preview.badPort(String(args.values.port)));
    const document = documentOf(args);
    const preview = await startPreview(projectPaths(root), { year, port, log: (line) => out(`  ${line}`), ...(document ? { document } : {}) });
    out(msg.preview.started(year, preview.url).text);
    await new Promise<void>(() => {
      // Runs until Ctrl+C: the command line's signal handler ends the process.
    });
    return EXIT.done;
  },
};
