import { ReportError, didYouMean } from "../errors.js";
import { FORMATS, type Format } from "../pipeline.js";

export interface ReportArgs {
  readonly year: number;
  /** Another project folder (data/, templates/, output/), e.g. a scratch copy in tests. */
  readonly root: string | undefined;
  readonly formats: ReadonlySet<Format>;
  readonly debug: boolean;
  readonly help: boolean;
}

export const REPORT_USAGE = `Bruk: npm run report -- <år> [--debug]

Lager KOSTRA-analysen for året fra data/<år>/ og skriver
  output/<år>/kostra-analyse-<år>.pdf    PDF (skrevet ut av Chromium)
  output/<år>/kostra-analyse-<år>.docx   Word, fra samme dokumentmodell
  output/<år>/kostra-analyse-<år>.html   HTML-en PDF-en er skrevet ut fra

  <år>       rapportåret, f.eks. 2025 (viser data for årene i data/<år>/report.yaml)
  --format pdf,docx,html  hvilke filer (standard: alle tre)
  --root <mappe>  bruk data/, templates/ og output/ i en annen prosjektmappe
  --debug    vis hele feilmeldingen med stakkspor
  --help     vis denne hjelpen`;

export function parseReportArgs(argv: readonly string[]): ReportArgs {
  let year: number | undefined;
  let debug = false;
  let help = false;
  let root: string | undefined;
  let formats: Set<Format> = new Set(FORMATS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--format") {
      formats = parseFormats(argv[++i]);
    } else if (arg === "--root") {
      root = argv[++i];
      if (!root) throw new ReportError("--root needs a folder");
    }
    else if (arg === "--debug") debug = true;
    else if (/^\d{4}$/.test(arg)) year = Number(arg);
    else throw new ReportError(`unknown argument "${arg}"`, { hint: "see npm run report -- --help" });
  }
  if (help) return { year: 0, root, formats, debug, help };
  if (year === undefined) throw new ReportError("which year? give the report year, e.g. npm run report -- 2025");
  return { year, root, formats, debug, help };
}

function parseFormats(list: string | undefined): Set<Format> {
  if (!list) throw new ReportError("--format needs a list, e.g. --format pdf,docx");
  const formats = new Set<Format>();
  for (const name of list.split(",").map((f) => f.trim())) {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new ReportError(`unknown format "${name}"`, { hint: didYouMean(name, FORMATS) ?? `choose from ${FORMATS.join(", ")}` });
    }
    formats.add(name as Format);
  }
  return formats;
}
