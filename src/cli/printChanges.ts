import { documentsOfYear, resolveDocument } from "../config/documents.js";
import { loadDataset } from "../data/dataset.js";
import type { ObservationRow } from "../data/schemas.js";
import { isReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { loadInputs, type ProjectPaths } from "../pipeline.js";
import { movedValues, sentencesToReread } from "../changes/compare.js";

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
  out((moved.length ? msg.changes.valuesChanged(moved.length) : msg.changes.noValuesChanged()).text);
  for (const m of moved) {
    const region = data.regions.get(m.region)?.name ?? m.region;
    out(`  ${m.indicator} / ${region} / ${m.year}: ${m.before} → ${m.after}   (${m.detail})`);
  }
  const documents = document !== undefined ? [resolveDocument(paths.dataDir, year, paths.root, document)] : documentsOfYear(paths.dataDir, year, paths.root);
  let count = 0;
  for (const source of documents) {
    try {
      const inputs = await loadInputs(paths, year, { log: () => {}, now: () => 0 }, source.name);
      const sentences = sentencesToReread(before, inputs.data, inputs.definition, inputs.commentary, inputs.definitionFile);
      count += sentences.length;
      out((sentences.length ? msg.changes.sentencesToReread(source.name, sentences.length) : msg.changes.noSentencesChanged(source.name)).text);
      for (const s of sentences) out(`  ${s.file}:${s.line}: ${s.before} → ${s.after}: «${s.sentence}»`);
    } catch (error) {
      if (!isReportError(error)) throw error;
      // Typically a value the text uses is gone: that sentence must be rewritten, not just reread.
      count += 1;
      out(msg.changes.sentencesToRewrite(source.name).text);
      out(`  ${error.format()}`);
    }
  }
  return count;
}
