import type { Attachment } from "./attachments.js";
import type { Recipient } from "./recipients.js";
import type { SentLog, SentEntry } from "./sentLog.js";

/** Who gets what, decided before any message is built. */
export interface PlannedDelivery {
  readonly recipient: Recipient;
  readonly files: readonly Attachment[];
  /** File name → SHA-256, as recorded in the sent-log. */
  readonly hashes: Readonly<Record<string, string>>;
  readonly bytes: number;
  readonly action: "send" | "already served";
}

/**
 * Stage 2: each recipient's files (in the formats they asked for; stage 1
 * refused a run where one is missing), and whether they already got exactly
 * these files the same way.
 */
export function planDeliveries(
  recipients: readonly Recipient[],
  attachments: readonly Attachment[],
  sentLog: SentLog,
  options: { readonly via: SentEntry["via"]; readonly resend: boolean },
): PlannedDelivery[] {
  return recipients.map((recipient) => {
    const files = attachments.filter((a) => recipient.formats.includes(a.format));
    const hashes = Object.fromEntries(files.map((f) => [f.name, f.hash]));
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const action = !options.resend && sentLog.served(recipient.address, hashes, options.via) ? "already served" : "send";
    return { recipient, files, hashes, bytes, action };
  });
}
