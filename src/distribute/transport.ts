import nodemailer, { type Transporter } from "nodemailer";
import { ReportError } from "../errors.js";

export interface Delivery {
  readonly kind: "smtp" | "outbox";
  /** Where mail goes, for the log: never the credentials. */
  readonly describe: string;
  readonly transporter: Transporter;
}

/**
 * SMTP from `SMTP_URL` (e.g. smtp://user:pass@mail.example.no:587), upgraded
 * with STARTTLS whenever the server offers it; with no SMTP_URL, an outbox
 * transport that only builds the messages, which are then saved as .eml.
 */
export function createDelivery(env: NodeJS.ProcessEnv): Delivery {
  const url = env.SMTP_URL;
  if (!url) {
    return { kind: "outbox", describe: "outbox (no SMTP_URL set)", transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" }) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReportError("SMTP_URL is not a URL", { hint: "e.g. smtp://user:password@mail.example.no:587 (the value is not shown here)" });
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new ReportError(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//`);
  }
  const secure = parsed.protocol === "smtps:";
  const port = Number(parsed.port || (secure ? 465 : 587));
  const transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port,
    secure,
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return { kind: "smtp", describe: `${parsed.protocol}//${parsed.hostname}:${port}${parsed.username ? " (with login)" : ""}`, transporter };
}

/** Server busy, connection lost, 4xx: worth another try. A 5xx refusal is final. */
export function isTransient(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e.responseCode === "number") return e.responseCode >= 400 && e.responseCode < 500;
  return ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNRESET", "EPIPE", "ECONNREFUSED", "EPROTOCOL"].includes(e.code ?? "");
}
