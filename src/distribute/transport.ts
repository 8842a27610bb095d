import { existsSync, readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import nodemailer, { type Transporter } from "nodemailer";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { describeSmtp, parseSmtpUrl, type SmtpSettings } from "./smtpUrl.js";

export interface Delivery {
  readonly kind: "smtp" | "outbox";
  /** Where mail goes, for the log: never the credentials. */
  readonly describe: string;
  readonly transporter: Transporter;
  /** The server's settings (smtp only), for messages about it. */
  readonly smtp?: SmtpSettings;
}

/**
 * SMTP from `SMTP_URL` (e.g. smtp://user:pass@mail.example.no:587); with no
 * SMTP_URL, an outbox transport that only builds the messages, saved as .eml.
 *
 * TLS: smtps:// is TLS from the start. With smtp://, a URL with a user name
 * requires STARTTLS, so a password never goes in clear: a server that offers
 * none is refused before the login (`?tls=off` allows it, for a trusted
 * relay). Without a login, STARTTLS is used whenever the server offers it.
 * The server's certificate is always verified, against the system's CAs and
 * the one in `SMTP_CA_FILE` (a PEM file, e.g. the municipality's own CA).
 */
export function createDelivery(env: NodeJS.ProcessEnv): Delivery {
  const url = env.SMTP_URL;
  if (!url) {
    return { kind: "outbox", describe: msg.distribute.outbox().text, transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" }) };
  }
  const smtp = parseSmtpUrl(url);
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.auth !== undefined && !smtp.allowPlainLogin,
    tls: { ca: trustedCertificates(env.SMTP_CA_FILE), rejectUnauthorized: true },
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return { kind: "smtp", describe: describeSmtp(smtp), transporter, smtp };
}

/** The system's CAs, plus the one in SMTP_CA_FILE: added to them, never replacing them. */
function trustedCertificates(caFile: string | undefined): string[] {
  if (caFile === undefined || caFile === "") return [...rootCertificates];
  if (!existsSync(caFile)) {
    throw new ReportError(msg.distribute.caFileMissing(caFile));
  }
  const pem = readFileSync(caFile, "utf8");
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new ReportError(msg.distribute.caFileNotPem(caFile));
  }
  return [...rootCertificates, pem];
}
