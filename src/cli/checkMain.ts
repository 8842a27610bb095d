import { resolve } from "node:path";
import { formatFinding, type Finding } from "../check/finding.js";
import { runChecks } from "../check/runChecks.js";
import { isReportError } from "../errors.js";
import { loadInputs, projectPaths } from "../pipeline.js";
import { parseReportArgs } from "./args.js";

export const CHECK_USAGE = `Bruk: npm run check -- <år> [--root <mappe>]

Kontrollerer data, rapportdefinisjon og kommentarer for året uten å lage PDF,
og skriver funn som en linter: fil:linje:kolonne: error|warning: melding.
Avslutter med kode 1 hvis det finnes feil (error); advarsler stopper ikke.`;

/** `npm run check -- 2025`: the report's validation and content checks, without rendering. */
export async function runCheckCli(argv: readonly string[], root: string): Promise<number> {
  const started = performance.now();
  let findings: Finding[];
  try {
    const args = parseReportArgs(argv);
    if (args.help) {
      console.log(CHECK_USAGE);
      return 0;
    }
    const inputs = await loadInputs(projectPaths(args.root ? resolve(args.root) : root), args.year, { log: () => {}, now: () => 0 });
    findings = runChecks(inputs);
  } catch (error) {
    if (!isReportError(error)) throw error;
    findings = [{ severity: "error", location: error.location ?? { file: "(command line)" }, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }];
  }
  for (const finding of findings) console.log(formatFinding(finding));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  console.log(`check: ${errors} error(s), ${warnings} warning(s) in ${Math.round(performance.now() - started)} ms`);
  return errors > 0 ? 1 : 0;
}
