import { checkClaims } from "./claims.js";
import { checkCompleteness } from "./completeness.js";
import { checkDrafts } from "./drafts.js";
import type { CheckInputs } from "./context.js";
import type { Finding } from "./finding.js";
import { checkLiterals } from "./literals.js";
import { checkRanges } from "./ranges.js";
import { checkCommentaryPresent } from "./commentary.js";
import { checkReportYear } from "./reportYear.js";
import { checkUnchangedCommentary } from "./unchangedCommentary.js";
import { checkShares } from "./shares.js";
import { checkTitles } from "./titles.js";
import { checkYears } from "./years.js";

/**
 * The content checks of `npm run check`, run on inputs that already passed
 * validation (schema errors stop loading and are reported by the caller).
 * Sorted by file and line, as a linter prints them.
 */
export function runChecks(inputs: CheckInputs): Finding[] {
  const findings = [
    ...checkRanges(inputs),
    ...checkReportYear(inputs),
    ...checkCommentaryPresent(inputs),
    ...checkCompleteness(inputs),
    ...checkShares(inputs),
    ...checkTitles(inputs),
    ...checkLiterals(inputs),
    ...checkYears(inputs),
    ...checkUnchangedCommentary(inputs),
    ...checkClaims(inputs),
    ...checkDrafts(inputs),
  ];
  return findings.sort(
    (a, b) => a.location.file.localeCompare(b.location.file) || (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0),
  );
}
