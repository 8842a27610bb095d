import { relative, resolve } from "node:path";
import { isReportError } from "../errors.js";
import { buildReport, projectPaths } from "../pipeline.js";
import { parseReportArgs, REPORT_USAGE } from "./args.js";

/** The CLI as a function that returns an exit code; only the bin file exits. */
export async function runReportCli(argv: readonly string[], root: string): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const args = parseReportArgs(argv);
    debug = args.debug;
    if (args.help) {
      console.log(REPORT_USAGE);
      return 0;
    }
    const started = performance.now();
    console.log(`KOSTRA analyse ${args.year}`);
    if (args.root) root = resolve(args.root);
    const outputs = await buildReport(
      projectPaths(root),
      args.year,
      { log: (line) => console.log(line), now: () => performance.now() },
      args.formats,
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const file of Object.values(outputs.files)) console.log(`Skrev ${relative(root, file)}`);
    console.log(`Ferdig på ${seconds} s${outputs.pages !== undefined ? ` (PDF: ${outputs.pages} sider)` : ""}`);
    return 0;
  } catch (error) {
    if (isReportError(error)) {
      console.error(`feil: ${error.format()}`);
      if (debug) console.error(error.stack);
      return error.exitCode;
    }
    console.error(debug ? error : `intern feil: ${(error as Error).message} (kjør med --debug for detaljer)`);
    return 2;
  }
}
