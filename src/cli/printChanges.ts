import { documentsOfYear, resolveDocument } from "../config/documents.js";
import { loadDataset } from "../data/dataset.js";
import type { ObservationRow } from "../data/schemas.js";
import { isReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { loadInputs, type ProjectPaths } from "../pipeline.js";
import { movedValues, sentencesToReread, type RereadSentence } from "../changes/compare.js";

/**
 * Prints what moved between `before` and today's data: every value, and
 * every commentary sentence that now prints another number (file:line), the
 * list to send to the editors — for one document, or (after an import, which
 * changes the data every document of the year reads) for all of them.
 * Returns how many sentences must be reread.
 */
export async function printChanges(
  paths: ProjectPaths,
  year: number,
  before: readonly ObservationRow[],
  out: (line: string) => void,
  document?: string,
): Promise<number> {
  const data = loadDataset({ root: paths.root, dataDir: paths.dataDir, year });
  const moved = movedValues(before, data);
  const documents = document !== undefined ? [resolveDocument(paths.dataDir, year, paths.root, document)] : documentsOfYear(paths.dataDir, year, paths.root);
  const read: { name: string; sentences?: RereadSentence[]; failure?: string }[] = [];
  for (const source of documents) {
    try {
      const inputs = await loadInputs(paths, year, { log: () => {}, now: () => 0 }, source.name);
      read.push({ name: source.name, sentences: sentencesToReread(before, inputs.data, inputs.definition, inputs.commentary, inputs.definitionFile) });
    } catch (error) {
      if (!isReportError(error)) throw error;
      // Typically a value the text uses is gone: that sentence must be rewritten, not just reread.
      read.push({ name: source.name, failure: error.format() });
    }
  }
  const line = (s: RereadSentence) => `  ${s.file}:${s.line}: ${s.before} → ${s.after}: «${s.sentence}»`;
  // First the sentences whose meaning flipped: an editor must reread these before anything else.
  for (const { name, sentences } of read) {
    const flipped = sentences?.filter((s) => s.flipped) ?? [];
    if (flipped.length === 0) continue;
    out(msg.claims.meaningFlipped(name, flipped.length).text);
    for (const s of flipped) out(line(s));
  }
  out((moved.length ? msg.changes.valuesChanged(moved.length) : msg.changes.noValuesChanged()).text);
  for (const m of moved) {
    const region = data.regions.get(m.region)?.name ?? m.region;
    out(`  ${m.indicator} / ${region} / ${m.year}: ${m.before} → ${m.after}   (${m.detail})`);
  }
  let count = 0;
  for (const { name, sentences, failure } of read) {
    if (failure !== undefined) {
      count += 1;
      out(msg.changes.sentencesToRewrite(name).text);
      out(`  ${failure}`);
      continue;
    }
    const numbers = sentences!.filter((s) => !s.flipped);
    count += sentences!.length;
    out((numbers.length ? msg.changes.sentencesToReread(name, numbers.length) : msg.changes.noSentencesChanged(name)).text);
    for (const s of numbers) out(line(s));
  }
  return count;
}
