import { locationOf } from "../config/loadDefinition.js";
import { suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { allExhibits, type CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";

/**
 * A caption that names something else than its indicator, such as a table
 * headed "Elever per lærerårsverk" showing elever per lederårsverk. A word of
 * the caption that the indicator's titles lack, but that is one or two
 * letters away from a word they have, is taken as a contradiction.
 */
export function checkTitles({ definition, data, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const exhibit of allExhibits(definition)) {
    if (exhibit.kind !== "comparison" || !exhibit.title) continue;
    const indicator = data.indicators.get(exhibit.indicator)!;
    const known = new Set(words(`${indicator.title} ${indicator.short_title}`));
    for (const word of words(exhibit.title)) {
      if (known.has(word)) continue;
      const close = suggest(word, known);
      if (close && close !== word) {
        findings.push(warning(locationOf(exhibit) ?? { file: definitionFile }, msg.check.titleContradicts(exhibit.title, word, indicator.id, indicator.title, close)));
      }
    }
  }
  return findings;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 5);
}
