import { sectionLocation, titleLocation } from "../config/loadDefinition.js";
import { msg } from "../messages/catalogue.js";
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
    findings.push(error(at, msg.check.titleYear(definition.title, match[0], year)));
  }
  for (const chapter of definition.chapters) {
    for (const item of [chapter, ...chapter.sections]) {
      for (const match of (item.title ?? "").matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)) {
        if (Number(match[0]) === year) continue;
        findings.push(warning(sectionLocation(item) ?? at, msg.check.headingYear(item.title ?? "", match[0], year)));
      }
    }
  }
  const newest = Math.max(...definition.years);
  if (newest < year - 1 || newest > year) {
    findings.push(warning(at, msg.check.newestYear(newest, year, definitionFile, year - 1)));
  }
  return findings;
}
