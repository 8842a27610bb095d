import { msg } from "../messages/catalogue.js";
import { DRAFT_MARKER } from "../narrative/draft.js";
import type { CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";
import { locate } from "./literals.js";

/**
 * A text from `npm run draft` that no editor has finished: it still carries
 * its marker line, or it lies beside the editor's text as `.draft.md`,
 * waiting to be merged. The report builds (a draft is correct, live text),
 * but it is not yet anyone's words.
 */
export function checkDrafts({ commentary, commentaryFolder }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const section of commentary.values()) {
    const at = section.source.indexOf(DRAFT_MARKER);
    if (at !== -1) findings.push(warning(locate(section, at), msg.claims.draftUnfinished()));
  }
  for (const file of commentaryFolder.drafts) findings.push(warning({ file, line: 1 }, msg.claims.draftBeside(file.replace(/\.draft\.md$/, ".md"))));
  return findings;
}
