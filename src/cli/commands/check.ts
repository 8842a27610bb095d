import { formatFinding, type Finding } from "../../check/finding.js";
import { isReportError } from "../../errors.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const checkCommand: Command = {
  name: "check",
  synopsis: "<år> [--document <navn>]",
  description: `Kontrollerer data, rapportdefinisjon og kommentarer for året uten å lage PDF,
og skriver funn som en linter: fil:linje:kolonne: error|warning: melding.
Avslutter med kode 1 hvis det finnes feil (error); advarsler stopper ikke.`,
  options: { document: DOCUMENT_OPTION },
  positionals: { min: 1, max: 1, name: "the report year, e.g. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { runChecks } = await import("../../check/runChecks.js");
    const { loadInputs, projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "check");
    const started = performance.now();
    let findings: Finding[];
    try {
      const inputs = await loadInputs(projectPaths(root), year, { log: () => {}, now: () => 0 }, documentOf(args));
      findings = runChecks(inputs);
    } catch (error) {
      if (!isReportError(error)) throw error;
      findings = [{ severity: "error", location: error.location ?? { file: "(command line)" }, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }];
    }
    for (const finding of findings) out(formatFinding(finding));
    const errors = findings.filter((f) => f.severity === "error").length;
    out(`check: ${errors} error(s), ${findings.length - errors} warning(s) in ${Math.round(performance.now() - started)} ms`);
    return errors > 0 ? EXIT.userError : EXIT.done;
  },
};
