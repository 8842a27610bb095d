import { formatFinding, type Finding } from "../../check/finding.js";
import { formatLocation, isReportError } from "../../errors.js";
import { formatMessage } from "../../messages/message.js";
import { msg } from "../../messages/catalogue.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const checkCommand: Command = {
  name: "check",
  synopsis: "<år> [--document <navn>] [--claims]",
  description: `Kontrollerer data, rapportdefinisjon og kommentarer for året uten å lage PDF,
og skriver funn som en linter: fil:linje:kolonne: feil|advarsel: melding (hva du kan gjøre).
Avslutter med kode 1 hvis det finnes feil; advarsler stopper ikke.`,
  options: {
    document: DOCUMENT_OPTION,
    claims: { type: "boolean", describe: "list også hver påstand i teksten (høyere, økt, lavest …) og hva dataene sier om den" },
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
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
      if (args.values.claims === true) {
        const { readAllClaims } = await import("../../check/claims.js");
        for (const { location, claim, verdict } of readAllClaims(inputs)) out(formatMessage(msg.claims.claimListed(formatLocation(location), claim.phrase, verdict.status, verdict.says.text)));
      }
    } catch (error) {
      if (!isReportError(error)) throw error;
      const where = error.location ?? { file: formatMessage(msg.check.commandLine()) };
      findings = [{ severity: "error", location: where, message: error.message, id: error.id, ...(error.hint ? { hint: error.hint } : {}) }];
    }
    for (const finding of findings) out(formatFinding(finding));
    const errors = findings.filter((f) => f.severity === "error").length;
    out(formatMessage(msg.check.summary(errors, findings.length - errors, Math.round(performance.now() - started))));
    return errors > 0 ? EXIT.userError : EXIT.done;
  },
};
