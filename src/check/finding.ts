import { formatLocation, type SourceLocation } from "../errors.js";

/** One result of `npm run check`, printed like a linter's. */
export interface Finding {
  readonly severity: "error" | "warning";
  readonly location: SourceLocation;
  readonly message: string;
  readonly hint?: string;
}

/** `data/2025/report.yaml:88:13: warning: … (hint)` */
export function formatFinding(finding: Finding): string {
  const hint = finding.hint ? ` (${finding.hint})` : "";
  return `${formatLocation(finding.location)}: ${finding.severity}: ${finding.message}${hint}`;
}

export function warning(location: SourceLocation, message: string, hint?: string): Finding {
  return { severity: "warning", location, message, ...(hint ? { hint } : {}) };
}

/** A finding that stops `npm run report`: the document would print something that cannot be. */
export function error(location: SourceLocation, message: string, hint?: string): Finding {
  return { severity: "error", location, message, ...(hint ? { hint } : {}) };
}
