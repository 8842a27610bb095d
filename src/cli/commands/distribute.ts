import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import type { Outcome } from "../../distribute/distribute.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const distributeCommand: Command = {
  name: "distribute",
  synopsis: "<år> [--document <navn>] [--dry-run] [--resend] [--max-size <MB>]",
  description: `Sender årets PDF og Word-fil til alle på data/distribution-list.csv, én e-post hver.
Med SMTP_URL satt (smtp://bruker:passord@mail.kommune.no:587) sendes e-posten med SMTP;
med innlogging kreves STARTTLS (smtps:// = TLS fra start; ?tls=off bare for en betrodd
relay), SMTP_CA_FILE=<pem> for kommunens egen CA, og spesialtegn i passordet URL-kodes
(@ → %40). Avsender er MAIL_FROM. Uten SMTP_URL lagres hver e-post som .eml i
output/<år>/outbox/. Hvem som har fått hva, står i output/<år>/sent-log.jsonl; en ny
kjøring sender bare til dem som mangler eller har fått eldre filer. Bare én utsending per år
kan gå om gangen (output/<år>/distribute.lock); en til stopper med en melding om den som går.`,
  options: {
    document: DOCUMENT_OPTION,
    "dry-run": { type: "boolean", describe: "vis hvem som ville fått hva, med størrelser, og send ingenting" },
    resend: { type: "boolean", describe: "send til alle igjen, også dem som har fått de samme filene" },
    "max-size": { type: "string", value: "<MB>", describe: "advar når vedleggene til én mottaker er større (standard 10)" },
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, env, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { distribute } = await import("../../distribute/distribute.js");
    const { projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "distribute");
    const maxMb = args.values["max-size"] === undefined ? 10 : Number(args.values["max-size"]);
    if (!(maxMb > 0)) throw new ReportError(msg.distribute.maxSize());
    const document = documentOf(args);
    const outcomes = await distribute(projectPaths(root), {
      year,
      ...(document ? { document } : {}),
      dryRun: args.values["dry-run"] === true,
      resend: args.values.resend === true,
      maxBytes: maxMb * 1024 * 1024,
      retry: { attempts: 3, baseDelayMs: Number(env.MAIL_RETRY_DELAY_MS ?? 1000) },
      env,
      log: out,
    });
    printSummary(outcomes, out);
    return outcomes.some((o) => o.status === "failed") ? EXIT.userError : EXIT.done;
  },
  // Mail already accepted stays sent, and is in the sent-log: not "no files changed".
  interrupted: (signal, args) => msg.distribute.interrupted(signal, `output/${args.find((arg) => /^\d{4}$/.test(arg)) ?? "<år>"}`),
};

const STATUS: Readonly<Record<Outcome["status"], () => string>> = {
  sent: () => msg.distribute.statusSent().text,
  saved: () => msg.distribute.statusSaved().text,
  "already served": () => msg.distribute.statusAlreadyServed().text,
  "would send": () => msg.distribute.statusWouldSend().text,
  failed: () => msg.distribute.statusFailed().text,
};

function printSummary(outcomes: readonly Outcome[], out: (line: string) => void): void {
  const width = Math.max(...outcomes.map((o) => o.recipient.address.length), 8);
  out("");
  out(msg.distribute.tableHeader(width).text);
  for (const o of outcomes) out(`${o.recipient.address.padEnd(width)}  ${STATUS[o.status]().padEnd(14)}  ${o.detail}`);
  const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
  out(msg.distribute.summary(count("sent") + count("saved"), count("already served"), count("would send"), count("failed")).text);
}
