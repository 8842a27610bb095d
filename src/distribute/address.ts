import { z } from "zod";

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
export function addressProblem(text: string): string | undefined {
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1 || text.indexOf("@") !== at) return "expected one @ between a name and a domain";
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return "the part before @ is not a valid mailbox name";
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return "the part before @ has a dot at an end or two dots in a row";
  if (domain.length > MAX_DOMAIN) return `the domain is longer than ${MAX_DOMAIN} characters`;
  const labels = domain.split(".");
  if (labels.length < 2) return "the domain needs a dot, as in kommune.no";
  for (const label of labels) {
    if (label === "") return "the domain has an empty part (two dots in a row, or a dot at an end)";
    if (label.length > MAX_LABEL) return `a part of the domain is longer than ${MAX_LABEL} characters`;
    if (label.startsWith("-") || label.endsWith("-")) return `the domain part "${label}" starts or ends with a hyphen`;
    if (!LABEL.test(label)) return `the domain part "${label}" may hold only letters, digits and hyphens`;
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return "the domain must end in a name such as .no, not a number";
  return undefined;
}

export const emailAddress = z.string().superRefine((text, ctx) => {
  const problem = addressProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: `expected an e-mail address such as navn@kommune.no: ${problem}` });
});
