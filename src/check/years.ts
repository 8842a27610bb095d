import { msg } from "../messages/catalogue.js";
import type { CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";
import { locate } from "./literals.js";

/**
 * A year in the commentary that the report does not show, e.g. text copied
 * from last year's report that still says "i 2020". Expressions with such
 * a year are errors already (they have no data); this catches plain text.
 */
export function checkYears(inputs: CheckInputs): Finding[] {
  const allowed = new Set([...inputs.definition.years, inputs.year]);
  const first = Math.min(...inputs.definition.years);
  const last = Math.max(...inputs.definition.years);
  const findings: Finding[] = [];
  for (const section of inputs.commentary.values()) {
    for (const match of section.source.matchAll(/(?<![\d,])(19\d\d|20\d\d)(?![\d,])/g)) {
      if (section.expressions.some((use) => match.index! >= use.start && match.index! < use.end)) continue;
      if (allowed.has(Number(match[1]))) continue;
      findings.push(warning(locate(section, match.index!), msg.check.yearOutsideReport(match[1]!, first, last)));
    }
  }
  return findings;
}
