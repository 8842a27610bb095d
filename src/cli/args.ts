import { ReportError } from "../errors.js";

export interface ReportArgs {
  readonly year: number;
  /** Another project folder (data/, templates/, output/), e.g. a scratch copy in tests. */
  readonly root: string | undefined;
  readonly debug: boolean;
  readonly help: boolean;
}

export const REPORT_USAGE = `Bruk: npm run report -- <år> [--debug]

Lager KOSTRA-analysen for året fra data/<år>/ og skriver
  output/<år>/kostra-analyse-<år>.pdf   (og .html som PDF-en er skrevet ut fra)

  <år>       rapportåret, f.eks. 2025 (viser data for årene i data/<år>/report.yaml)
  --root <mappe>  bruk data/, templates/ og output/ i en annen prosjektmappe
  --debug    vis hele feilmeldingen med stakkspor
  --help     vis denne hjelpen`;

export function parseReportArgs(argv: readonly string[]): ReportArgs {
  let year: number | undefined;
  let debug = false;
  let help = false;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--root") {
      root = argv[++i];
      if (!root) throw new ReportError("--root needs a folder");
    }
    else if (arg === "--debug") debug = true;
    else if (/^\d{4}$/.test(arg)) year = Number(arg);
    else throw new ReportError(`unknown argument "${arg}"`, { hint: "see npm run report -- --help" });
  }
  if (help) return { year: 0, root, debug, help };
  if (year === undefined) throw new ReportError("which year? give the report year, e.g. npm run report -- 2025");
  return { year, root, debug, help };
}
