import { msg } from "../messages/catalogue.js";
import { readClaims, type PlainClaim } from "../narrative/claims/plainWords.js";
import { judge, type Verdict } from "../narrative/claims/verdict.js";
import type { CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";
import { locate } from "./literals.js";

/** One claim the check read, where it stands, and what the data say about it. */
export interface ReadClaim {
  readonly location: { readonly file: string; readonly line: number; readonly column: number };
  readonly claim: PlainClaim;
  readonly verdict: Verdict;
}

/** Every plain-words claim in the commentary, with its verdict (`npm run check -- <år> --claims` lists them). */
export function readAllClaims(inputs: CheckInputs): ReadClaim[] {
  const context = { data: inputs.data, definition: inputs.definition };
  return [...inputs.commentary.values()].flatMap((section) =>
    readClaims(section, context).map((claim) => ({ location: locate(section, claim.offset), claim, verdict: judge(claim, context) })),
  );
}

/**
 * Comparisons, trends and positions written in plain words that the data
 * contradict: "er høyere enn gjennomsnittet" where Bærum is lower, "har økt"
 * where the share fell. Each is reported at its file:line:column with what
 * the data say and the expression that keeps it true. A claim that cannot be
 * tied to an indicator, or whose values are missing, is not reported: it is
 * not guessed at.
 */
export function checkClaims(inputs: CheckInputs): Finding[] {
  return readAllClaims(inputs).flatMap(({ location, claim, verdict }) =>
    verdict.status === "contradicts" ? [warning(location, msg.claims.contradiction(claim.phrase, verdict.says.text, verdict.expression))] : [],
  );
}
