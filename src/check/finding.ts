import { formatLocation, type SourceLocation } from "../errors.js";
import { isMessage, type Message } from "../messages/message.js";

/** One result of `npm run check`, printed like a linter's. */
export interface Finding {
  readonly severity: "error" | "warning";
  readonly location: SourceLocation;
  readonly message: string;
  readonly hint?: string;
  /** The catalogue id, once the check's text lives in src/messages/. */
  readonly id?: string;
}

/** `data/2025/report.yaml:88:13: warning: … (hint)` */
export function formatFinding(finding: Finding): string {
  const hint = finding.hint ? ` (${finding.hint})` : "";
  return `${formatLocation(finding.location)}: ${finding.severity}: ${finding.message}${hint}`;
}

export function warning(location: SourceLocation, message: Message | string, hint?: string): Finding {
  return finding("warning", location, message, hint);
}

/** A finding that stops `npm run report`: the document would print something that cannot be. */
export function error(location: SourceLocation, message: Message | string, hint?: string): Finding {
  return finding("error", location, message, hint);
}

// A string message is the old form, kept while the checks move their texts to src/messages/.
function finding(severity: Finding["severity"], location: SourceLocation, message: Message | string, hint?: string): Finding {
  if (!isMessage(message)) return { severity, location, message, ...(hint ? { hint } : {}) };
  const shownHint = hint ?? message.hint;
  return { severity, location, message: message.text, id: message.id, ...(shownHint ? { hint: shownHint } : {}) };
}
