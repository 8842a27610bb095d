import type { ProjectPaths } from "../pipeline.js";
import { composeMessage, megabytes, senderOf } from "./compose.js";
import { loadDistribution } from "./load.js";
import { planDeliveries } from "./plan.js";
import { sendAll, type Outcome, type Outgoing, type RetryPolicy } from "./send.js";
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
 *  0. transport  SMTP_URL checked (encoding, TLS options), SMTP_CA_FILE read
 *  1. load       report inputs and headlines, distribution list, generated files
 *                (refused when older than their inputs), mail templates, sent-log
 *  2. plan       who gets which files; who already has exactly these
 *  3. compose    every message rendered, also in --dry-run, so a template error
 *                shows before anything is sent
 *  4. send       one at a time, each recorded in sent-log.jsonl when accepted;
 *                a failure that would hit everyone stops the run
 */
export async function distribute(paths: ProjectPaths, options: DistributeOptions): Promise<Outcome[]> {
  const { log } = options;
  const transport = createDelivery(options.env);
  const inputs = await loadDistribution(paths, options.year, options.document);
  for (const bad of inputs.sentLog.badLines) {
    log(`advarsel: ${inputs.sentLogPath}:${bad.line}: ${bad.problem}; linjen hoppes over (mottakeren kan få e-posten på nytt)`);
  }

  const plan = planDeliveries(inputs.recipients, inputs.attachments, inputs.sentLog, { via: transport.kind, resend: options.resend });
  for (const entry of plan) {
    if (entry.action !== "no files" && entry.bytes > options.maxBytes) {
      log(`advarsel: vedleggene til ${entry.recipient.address} er ${megabytes(entry.bytes)}, over grensen på ${megabytes(options.maxBytes)}`);
    }
  }

  const from = senderOf(options.env, inputs);
  const outgoing: Outgoing[] = plan.filter((entry) => entry.action === "send").map((entry) => ({ delivery: entry, message: composeMessage(entry, inputs, from) }));
  log(`Sender ${inputs.attachments.map((a) => a.name).join(" og ")} via ${transport.describe}${options.dryRun ? " (prøvekjøring: ingenting sendes)" : ""}`);

  const sent = options.dryRun
    ? outgoing.map(({ delivery }): Outcome => ({
        recipient: delivery.recipient,
        status: "would send",
        detail: `${delivery.files.map((f) => f.name).join(", ")} (${megabytes(delivery.bytes)})`,
      }))
    : await sendAll(outgoing, { transport, sentLog: inputs.sentLog, sentLogPath: inputs.sentLogPath, outputDir: inputs.outputDir, retry: options.retry, log });

  const byAddress = new Map(sent.map((o) => [o.recipient.address, o]));
  return plan.map((entry): Outcome => {
    if (entry.action === "no files") return { recipient: entry.recipient, status: "failed", detail: `no generated file in the formats ${entry.recipient.formats.join(", ")}` };
    if (entry.action === "already served") return { recipient: entry.recipient, status: "already served", detail: "same files already sent" };
    return byAddress.get(entry.recipient.address)!;
  });
}
