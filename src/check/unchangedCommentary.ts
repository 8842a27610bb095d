import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { msg } from "../messages/catalogue.js";
import type { CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";

/**
 * Commentary still word for word last year's: after `npm run new-year` every
 * text is a copy, and a sentence such as "i 2024 brukte Bærum …" reads as
 * current in the new report. Each file that equals its counterpart under
 * data/<year − 1>/ is named until an editor has changed it.
 */
export function checkUnchangedCommentary({ root, year, commentary }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  const prefix = `data/${year}/`;
  for (const section of commentary.values()) {
    if (!section.file.startsWith(prefix)) continue;
    const previous = `data/${year - 1}/${section.file.slice(prefix.length)}`;
    const path = join(root, previous);
    if (!existsSync(path) || !readFileSync(path).equals(readFileSync(join(root, section.file)))) continue;
    findings.push(warning({ file: section.file, line: 1 }, msg.check.unchangedCommentary(previous, year)));
  }
  return findings;
}
