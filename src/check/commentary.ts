import { sectionLocation } from "../config/loadDefinition.js";
import type { CheckInputs } from "./context.js";
import { msg } from "../messages/catalogue.js";
import { error, type Finding } from "./finding.js";

/**
 * Every section of the definition has its commentary, unless it says
 * `commentary: false`. Without this, a commentary file renamed to
 * `.md.bak` or a deleted folder would build a report with the tables and
 * charts of a section and none of its text.
 */
export function checkCommentaryPresent({ definition, definitionFile, commentary, commentaryFolder }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const chapter of definition.chapters) {
    for (const section of chapter.sections) {
      if (!section.commentary || commentary.has(`${chapter.id}/${section.id}`)) continue;
      const { dir, exists, skipped } = commentaryFolder;
      findings.push(error(sectionLocation(section) ?? { file: definitionFile }, msg.check.sectionWithoutCommentary(section.id, section.title, chapter.id, dir, exists, skipped, definitionFile)));
    }
  }
  return findings;
}
