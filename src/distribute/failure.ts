/**
 * What a failed delivery means for the run. Only a refusal of this one
 * recipient lets the run go on to the next; anything that would fail the
 * same way for everyone stops it, so a wrong password is tried once and a
 * server that is down costs one recipient's retries, not everyone's.
 */
export type FailureScope =
  /** Login refused: never retried (an account can be locked). */
  | "login"
  /** TLS could not be set up (no STARTTLS, untrusted certificate): never retried. */
  | "tls"
  /** The server refuses the sender: the same for every message. */
  | "sender"
  /** Cannot reach the server or it went away: retried, then the run stops. */
  | "server"
  /** This recipient or this message: 4xx retried, 5xx final; the run goes on. */
  | "recipient";

export interface SmtpFailure {
  readonly scope: FailureScope;
  /** Worth another try with the same message. */
  readonly transient: boolean;
  /** One line: the server's reply, or the error code and message. */
  readonly text: string;
  /** The SMTP command that failed (STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO …), when known. */
  readonly command: string | undefined;
  /** The server's reply code, when it replied. */
  readonly responseCode: number | undefined;
}

/** Node's codes for a certificate it does not trust (nodemailer keeps them as `originalCode`). */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)/;
const CONNECTION_CODES = ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNRESET", "EPIPE", "ECONNREFUSED", "EPROTOCOL"];

export function classifyFailure(error: unknown): SmtpFailure {
  const { code, originalCode, responseCode, command, message, response } = fieldsOf(error);
  const text =
    responseCode !== undefined && response?.startsWith(String(responseCode))
      ? response
      : responseCode !== undefined
        ? `${responseCode} ${message.replace(/^.*?: /, "")}`
        : `${code ? `${code}: ` : ""}${message}${originalCode && !message.includes(originalCode) ? ` (${originalCode})` : ""}`;
  const failure = (scope: FailureScope, transient: boolean): SmtpFailure => ({ scope, transient, text, command, responseCode });
  if (code === "EAUTH" || code === "ENOAUTH") return failure("login", false);
  if (code === "ETLS" || command === "STARTTLS" || CERTIFICATE_CODE.test(originalCode ?? "")) return failure("tls", false);
  if (responseCode === 421 || (responseCode === undefined && CONNECTION_CODES.includes(code ?? ""))) return failure("server", true);
  const transient = responseCode !== undefined && responseCode >= 400 && responseCode < 500;
  if (command === "MAIL FROM" && !transient) return failure("sender", false);
  return failure("recipient", transient);
}

/** The fields nodemailer sets on its errors, read without trusting their types. */
function fieldsOf(error: unknown): {
  code?: string | undefined;
  originalCode?: string | undefined;
  responseCode?: number | undefined;
  command?: string | undefined;
  response?: string | undefined;
  message: string;
} {
  if (!(error instanceof Error)) return { message: String(error) };
  const text = (key: string): string | undefined => {
    const value: unknown = Reflect.get(error, key);
    return typeof value === "string" ? value : undefined;
  };
  const responseCode: unknown = Reflect.get(error, "responseCode");
  return {
    message: error.message.split("\n")[0]!,
    code: text("code"),
    originalCode: text("originalCode"),
    responseCode: typeof responseCode === "number" ? responseCode : undefined,
    command: text("command"),
    response: text("response")?.split("\n")[0]?.trim(),
  };
}
