import { sectionLocation, titleLocation } from "../config/loadDefinition.js";
import type { CheckInputs } from "./context.js";
import { error, warning, type Finding } from "./finding.js";

/**
 * A definition that does not fit its report year, typically last year's
 * folder copied unedited: data/2026 would otherwise build "KOSTRA analyse
 * 2025" as the 2026 file. The title's year is an error; data years that end
 * long before the report year are a warning (an annual report may show its
 * own year, a KOSTRA analyse the year before).
 */
export function checkReportYear({ year, definition, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  const at = titleLocation(definition) ?? { file: definitionFile };
  for (const match of definition.title.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)) {
    if (Number(match[0]) === year) continue;
    findings.push(error(at, `the title "${definition.title}" names ${match[0]}, but this is the ${year} report`, `change the title to say ${year} (was the folder copied from data/${match[0]}?)`));
  }
  for (const chapter of definition.chapters) {
    for (const item of [chapter, ...chapter.sections]) {
      for (const match of (item.title ?? "").matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)) {
        if (Number(match[0]) === year) continue;
        findings.push(warning(sectionLocation(item) ?? at, `the heading "${item.title}" names ${match[0]} in the ${year} report`, "left over from last year's definition?"));
      }
    }
  }
  const newest = Math.max(...definition.years);
  if (newest < year - 1 || newest > year) {
    findings.push(
      warning(at, `the newest year shown is ${newest}, which does not fit the report year ${year}`, `move "years" in ${definitionFile} on (a KOSTRA analyse ${year} shows data up to ${year - 1})`),
    );
  }
  return findings;
}
