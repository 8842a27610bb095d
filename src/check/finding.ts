import { formatLocation, type SourceLocation } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";

/** One result of `npm run check`, printed like a linter's. */
export interface Finding {
  readonly severity: "error" | "warning";
  readonly location: SourceLocation;
  readonly message: string;
  readonly hint?: string;
  /** The catalogue id ("check.staleCopy"); absent for a loading error the check command turns into a finding. */
  readonly id?: string;
}

/** How the severity reads in the output. */
const SEVERITY_TEXT: Readonly<Record<Finding["severity"], () => Message>> = { error: msg.check.severityError, warning: msg.check.severityWarning };

/** `data/2025/report.yaml:88:13: advarsel: … (hint)` */
export function formatFinding(finding: Finding): string {
  const hint = finding.hint ? ` (${finding.hint})` : "";
  return `${formatLocation(finding.location)}: ${SEVERITY_TEXT[finding.severity]().text}: ${finding.message}${hint}`;
}

export function warning(location: SourceLocation, message: Message): Finding {
  return finding("warning", location, message);
}

/** A finding that stops `npm run report`: the document would print something that cannot be. */
export function error(location: SourceLocation, message: Message): Finding {
  return finding("error", location, message);
}

function finding(severity: Finding["severity"], location: SourceLocation, message: Message): Finding {
  return { severity, location, message: message.text, id: message.id, ...(message.hint ? { hint: message.hint } : {}) };
}
