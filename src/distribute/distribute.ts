import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { ProjectPaths } from "../pipeline.js";
import { composeMessage, megabytes } from "./compose.js";
import { loadDistribution } from "./load.js";
import { planDeliveries } from "./plan.js";
import { acquireRunLock } from "./runLock.js";
import { sendAll, type Outcome, type Outgoing, type RetryPolicy } from "./send.js";
import { configuredSender, placeholderSender } from "./sender.js";
import { createDelivery } from "./transport.js";

export type { Outcome } from "./send.js";

export interface DistributeOptions {
  readonly year: number;
  /** One of the year's documents; none: its default. */
  readonly document?: string;
  readonly dryRun: boolean;
  readonly resend: boolean;
  /** Warn when one message's attachments are larger than this. */
  readonly maxBytes: number;
  readonly retry: RetryPolicy;
  /** SMTP_URL, SMTP_CA_FILE, MAIL_FROM. */
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

/**
 * Sends the year's PDF and Word files to everyone on data/distribution-list.csv,
 * one message each, or saves them as .eml in output/<year>/outbox/ when no
 * SMTP_URL is set. Only this function knows the order of the stages:
 *
 *  0. settings   SMTP_URL checked (encoding, TLS options), SMTP_CA_FILE read,
 *                MAIL_FROM checked (one address, one line)
 *     lock       output/<year>/distribute.lock, so a second run at the same time
 *                stops instead of sending everyone the mail again (not for --dry-run)
 *  1. load       report inputs and headlines, distribution list, generated files
 *                (each read once; refused when missing or older than their
 *                inputs), mail templates, sent-log
 *  2. plan       who gets which files; who already has exactly these
 *  3. compose    every message rendered, also in --dry-run, so a template error
 *                shows before anything is sent
 *  4. send       one at a time, each recorded in sent-log.jsonl when accepted;
 *                a failure that would hit everyone stops the run
 */
export async function distribute(paths: ProjectPaths, options: DistributeOptions): Promise<Outcome[]> {
  const { log, year } = options;
  const transport = createDelivery(options.env);
  const configured = configuredSender(options.env);
  const outputDir = join(paths.outputDir, String(year));
  if (!existsSync(outputDir)) throw new ReportError(msg.distribute.noReportFiles(year, relative(paths.root, outputDir)));
  const lockFile = join(outputDir, "distribute.lock");
  const lock = options.dryRun ? undefined : acquireRunLock(lockFile, { display: relative(paths.root, lockFile), year, log });
  try {
    const inputs = await loadDistribution(paths, year, options.document);
    for (const bad of inputs.sentLog.badLines) log(msg.distribute.sentLogBadLine(inputs.sentLogPath, bad.line, bad.problem).text);

    const plan = planDeliveries(inputs.recipients, inputs.attachments, inputs.sentLog, { via: transport.kind, resend: options.resend });
    for (const entry of plan) {
      if (entry.bytes > options.maxBytes) log(msg.distribute.oversize(entry.recipient.address, megabytes(entry.bytes), megabytes(options.maxBytes)).text);
    }

    const from = configured ?? placeholderSender(inputs.report.organisation);
    const outgoing: Outgoing[] = plan.filter((entry) => entry.action === "send").map((entry) => ({ delivery: entry, message: composeMessage(entry, inputs, from) }));
    log(msg.distribute.sending(inputs.attachments.map((a) => a.name), transport.describe, options.dryRun).text);

    const sent = options.dryRun
      ? outgoing.map(({ delivery }): Outcome => ({
          recipient: delivery.recipient,
          status: "would send",
          detail: `${delivery.files.map((f) => f.name).join(", ")} (${megabytes(delivery.bytes)})`,
        }))
      : await sendAll(outgoing, { transport, sentLog: inputs.sentLog, sentLogPath: inputs.sentLogPath, outputDir: inputs.outputDir, retry: options.retry, log });

    const byAddress = new Map(sent.map((o) => [o.recipient.address, o]));
    return plan.map((entry): Outcome => {
      if (entry.action === "already served") return { recipient: entry.recipient, status: "already served", detail: msg.distribute.alreadyServed().text };
      return byAddress.get(entry.recipient.address)!;
    });
  } finally {
    lock?.release();
  }
}
