import { sectionLocation } from "../config/loadDefinition.js";
import type { CheckInputs } from "./context.js";
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
      const where = commentaryFolder.exists
        ? `no .md file in ${commentaryFolder.dir}/ has the front matter "chapter: ${chapter.id}" and "section: ${section.id}"`
        : `the folder ${commentaryFolder.dir}/ does not exist`;
      const skipped = commentaryFolder.skipped.length ? `; not read because they do not end in .md: ${commentaryFolder.skipped.join(", ")}` : "";
      findings.push(
        error(
          sectionLocation(section) ?? { file: definitionFile },
          `section "${section.id}"${section.title ? ` (${section.title})` : ""} has no commentary: ${where}${skipped}`,
          `write its text in a .md file there, or set "commentary: false" on the section in ${definitionFile}`,
        ),
      );
    }
  }
  return findings;
}
