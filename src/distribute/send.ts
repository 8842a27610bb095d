import { join } from "node:path";
import type { SendMailOptions } from "nodemailer";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { writeFileAtomic } from "../output/atomicWrite.js";
import { classifyFailure, type SmtpFailure } from "./failure.js";
import type { PlannedDelivery } from "./plan.js";
import type { Recipient } from "./recipients.js";
import type { SentLog } from "./sentLog.js";
import type { Delivery } from "./transport.js";

export interface Outcome {
  readonly recipient: Recipient;
  readonly status: "sent" | "saved" | "already served" | "would send" | "failed";
  readonly detail: string;
}

export interface Outgoing {
  readonly delivery: PlannedDelivery;
  readonly message: SendMailOptions;
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
}

export interface SendContext {
  readonly transport: Delivery;
  readonly sentLog: SentLog;
  readonly sentLogPath: string;
  readonly outputDir: string;
  readonly retry: RetryPolicy;
  readonly log: (line: string) => void;
}

/**
 * Stage 4: sends (or saves to the outbox) one message at a time and records
 * each in the sent-log the moment it is accepted. A refusal of one recipient
 * is that recipient's outcome; a failure that would hit everyone (login, TLS,
 * sender, an unreachable server after its retries) stops the run at once with
 * a ReportError, everything delivered so far already recorded.
 */
export async function sendAll(outgoing: readonly Outgoing[], context: SendContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const { delivery, message } of outgoing) {
    const result = await sendWithRetries(message, delivery.recipient.address, context);
    if ("failure" in result) {
      if (result.failure.scope !== "recipient") {
        const delivered = outcomes.filter((o) => o.status !== "failed").length;
        throw stopped(result.failure, result.attempts, delivered, outgoing.length, context);
      }
      outcomes.push({ recipient: delivery.recipient, status: "failed", detail: result.failure.text });
      continue;
    }
    const { messageId, raw } = result;
    const { transport } = context;
    if (transport.kind === "outbox" && raw) writeFileAtomic(join(context.outputDir, "outbox", `${delivery.recipient.address}.eml`), raw);
    context.sentLog.record({ recipient: delivery.recipient.address, files: delivery.hashes, messageId, time: new Date().toISOString(), via: transport.kind });
    outcomes.push({ recipient: delivery.recipient, status: transport.kind === "outbox" ? "saved" : "sent", detail: messageId });
  }
  return outcomes;
}

type Attempted = { messageId: string; raw: Buffer | undefined } | { failure: SmtpFailure; attempts: number };

async function sendWithRetries(message: SendMailOptions, address: string, context: SendContext): Promise<Attempted> {
  for (let attempt = 1; ; attempt++) {
    try {
      const info: unknown = await context.transport.transporter.sendMail(message);
      return readInfo(info);
    } catch (error) {
      const failure = classifyFailure(error);
      if (!failure.transient || attempt >= context.retry.attempts) return { failure, attempts: attempt };
      context.log(msg.distribute.retrying(address, attempt, failure.text).text);
      await new Promise((resolve) => setTimeout(resolve, context.retry.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** nodemailer's answer: the Message-ID, and the raw message from the outbox (stream) transport. */
function readInfo(info: unknown): { messageId: string; raw: Buffer | undefined } {
  const messageId: unknown = typeof info === "object" && info !== null ? Reflect.get(info, "messageId") : undefined;
  const raw: unknown = typeof info === "object" && info !== null ? Reflect.get(info, "message") : undefined;
  return { messageId: typeof messageId === "string" ? messageId : "", raw: Buffer.isBuffer(raw) ? raw : undefined };
}

function stopped(failure: SmtpFailure, attempts: number, delivered: number, total: number, context: SendContext): ReportError {
  const m = msg.distribute;
  const server = context.transport.describe;
  const progress = delivered === 0 ? m.nothingSent().text : m.stoppedPartWay(delivered, total, context.sentLogPath).text;
  switch (failure.scope) {
    case "login":
      return new ReportError(m.loginRefused(server, failure.text, progress));
    case "tls":
      if (failure.command === "STARTTLS" && failure.responseCode !== undefined) {
        return new ReportError(context.transport.smtp?.auth ? m.noStarttls(server, failure.text, progress) : m.starttlsRefused(server, failure.text, progress));
      }
      return new ReportError(m.tlsFailed(server, failure.text, progress));
    case "sender":
      return new ReportError(m.senderRefused(server, failure.text, progress));
    case "server":
    case "recipient":
      return new ReportError(m.cannotDeliver(server, attempts, failure.text, progress));
  }
}
