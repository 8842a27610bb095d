import { resolve } from "node:path";
import { distribute, type Outcome } from "../distribute/distribute.js";
import { ReportError, isReportError } from "../errors.js";
import { projectPaths } from "../pipeline.js";

export const DISTRIBUTE_USAGE = `Bruk: npm run distribute -- <år> [--dry-run] [--resend] [--max-size <MB>]

Sender årets PDF og Word-fil til alle på data/distribution-list.csv, én e-post hver.

  Med SMTP_URL satt (smtp://bruker:passord@mail.kommune.no:587) sendes e-posten med SMTP,
  med STARTTLS når serveren tilbyr det; avsender er MAIL_FROM. Uten SMTP_URL lagres hver
  e-post som .eml i output/<år>/outbox/.
  Hvem som har fått hva, står i output/<år>/sent-log.jsonl; en ny kjøring sender bare til dem
  som mangler eller har fått eldre filer.

  --dry-run        vis hvem som ville fått hva, med størrelser, og send ingenting
  --resend         send til alle igjen, også dem som har fått de samme filene
  --max-size <MB>  advar når vedleggene til én mottaker er større (standard 10)
  --root <mappe>   bruk en annen prosjektmappe`;

interface Args {
  readonly year: number;
  readonly dryRun: boolean;
  readonly resend: boolean;
  readonly maxMb: number;
  readonly root: string | undefined;
  readonly help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let year: number | undefined;
  let dryRun = false;
  let resend = false;
  let maxMb = 10;
  let root: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--dry-run") dryRun = true;
    else if (arg === "--resend") resend = true;
    else if (arg === "--max-size") {
      maxMb = Number(argv[++i]);
      if (!(maxMb > 0)) throw new ReportError("--max-size needs a number of megabytes, e.g. --max-size 10");
    } else if (arg === "--root") root = argv[++i];
    else if (/^\d{4}$/.test(arg)) year = Number(arg);
    else throw new ReportError(`unknown argument "${arg}"`, { hint: "see npm run distribute -- --help" });
  }
  if (!help && year === undefined) throw new ReportError("which year? e.g. npm run distribute -- 2025");
  return { year: year ?? 0, dryRun, resend, maxMb, root, help };
}

/** `npm run distribute -- 2025`; exit 1 if anyone on the list was not served. */
export async function runDistributeCli(argv: readonly string[], root: string, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      console.log(DISTRIBUTE_USAGE);
      return 0;
    }
    const outcomes = await distribute(projectPaths(args.root ? resolve(args.root) : root), {
      year: args.year,
      dryRun: args.dryRun,
      resend: args.resend,
      maxBytes: args.maxMb * 1024 * 1024,
      retry: { attempts: 3, baseDelayMs: Number(env.MAIL_RETRY_DELAY_MS ?? 1000) },
      env,
      log: (line) => console.log(line),
    });
    printSummary(outcomes);
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  } catch (error) {
    if (isReportError(error)) {
      console.error(`feil: ${error.format()}`);
      return error.exitCode;
    }
    console.error(`intern feil: ${(error as Error).message}`);
    return 2;
  }
}

function printSummary(outcomes: readonly Outcome[]): void {
  const width = Math.max(...outcomes.map((o) => o.recipient.address.length), 8);
  console.log("");
  console.log(`${"Mottaker".padEnd(width)}  ${"Status".padEnd(14)}  Detaljer`);
  for (const o of outcomes) console.log(`${o.recipient.address.padEnd(width)}  ${o.status.padEnd(14)}  ${o.detail}`);
  const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
  console.log(
    `distribute: ${count("sent") + count("saved")} delivered, ${count("already served")} already served, ${count("would send")} would send, ${count("failed")} failed`,
  );
}
