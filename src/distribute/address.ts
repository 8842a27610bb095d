import { z } from "zod";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";

/**
 * An e-mail address as a distribution list needs it: `local@domain`.
 *
 * - local part: 1–64 characters, no spaces, quotes, angle brackets, commas,
 *   semicolons or @, and no dot at either end or two in a row;
 * - domain: at least two labels separated by single dots, at most 253
 *   characters; each label 1–63 letters, digits or hyphens (letters may be
 *   non-ASCII, as in bærum.no), not starting or ending with a hyphen; no "_";
 *   the last label (the top-level domain) is not all digits.
 */
export const MAX_LOCAL = 64;
export const MAX_DOMAIN = 253;
export const MAX_LABEL = 63;

const LOCAL = /^[^\s@<>,;"()[\]\\]+$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

/** Why `text` is not an address, or undefined when it is one. */
export function addressProblem(text: string): Message | undefined {
  const m = msg.distribute;
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1 || text.indexOf("@") !== at) return m.addressOneAt();
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return m.addressLocalPart();
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return m.addressLocalDots();
  if (domain.length > MAX_DOMAIN) return m.addressDomainLength(MAX_DOMAIN);
  const labels = domain.split(".");
  if (labels.length < 2) return m.addressDomainDot();
  for (const label of labels) {
    if (label === "") return m.addressEmptyLabel();
    if (label.length > MAX_LABEL) return m.addressLabelLength(MAX_LABEL);
    if (label.startsWith("-") || label.endsWith("-")) return m.addressLabelHyphen(label);
    if (!LABEL.test(label)) return m.addressLabelChars(label);
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return m.addressNumericTld();
  return undefined;
}

export const emailAddress = z.string().superRefine((text, ctx) => {
  const problem = addressProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: msg.distribute.badAddress(problem.text).text });
});
