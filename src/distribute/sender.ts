import addressparser from "nodemailer/lib/addressparser";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { addressProblem } from "./address.js";

/** A mailbox as nodemailer takes it: it quotes or encodes the name itself, so no text ever becomes an address. */
export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

/** The sender when MAIL_FROM is not set: the organisation's name at a placeholder address. */
export const PLACEHOLDER_ADDRESS = "kostra-rapport@example.org";

/** Line breaks and other control characters: in a header they would start a header or an SMTP command of their own. */
const CONTROL = /\p{Cc}/u;

/**
 * The sender is an address object, never text joined from parts: only
 * MAIL_FROM names an address, and it must be exactly one valid address on
 * one line; without it, the organisation's name (quotes, angle brackets and
 * all) can only be the display name of the placeholder address.
 */
export function configuredSender(env: NodeJS.ProcessEnv): Mailbox | undefined {
  return env.MAIL_FROM === undefined ? undefined : parseMailFrom(env.MAIL_FROM);
}

export function placeholderSender(organisation: string): Mailbox {
  return { name: displayName(organisation), address: PLACEHOLDER_ADDRESS };
}

export function parseMailFrom(text: string): Mailbox {
  if (CONTROL.test(text)) throw new ReportError(msg.distribute.mailFromControl());
  const parsed = addressparser(text);
  const mailboxes = parsed.flatMap((entry) => ("group" in entry ? entry.group : [entry]));
  if (mailboxes.length !== 1 || parsed.length !== 1 || "group" in parsed[0]!) throw new ReportError(msg.distribute.mailFromCount(mailboxes.length));
  const { name = "", address = "" } = mailboxes[0]!;
  const problem = address ? addressProblem(address) : msg.distribute.addressOneAt();
  if (problem) throw new ReportError(msg.distribute.mailFromAddress(problem.text));
  return { name: displayName(name), address };
}

/** A name on one line: runs of white space and control characters become one space. */
export function displayName(name: string): string {
  return name.replace(/[\p{Cc}\s]+/gu, " ").trim();
}
