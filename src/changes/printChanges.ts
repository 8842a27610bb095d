import { loadInputs, type ProjectPaths } from "../pipeline.js";
import type { ObservationRow } from "../data/schemas.js";
import { movedValues, sentencesToReread } from "./compare.js";

/**
 * Prints what moved between `before` and today's data: every value, and
 * every commentary sentence that now prints another number (file:line), the
 * list to send to the editors. Returns how many sentences must be reread.
 */
export async function printChanges(paths: ProjectPaths, year: number, before: readonly ObservationRow[], out: (line: string) => void, document?: string): Promise<number> {
  const inputs = await loadInputs(paths, year, { log: () => {}, now: () => 0 }, document);
  const moved = movedValues(before, inputs.data);
  out(moved.length ? `Verdier som er endret (${moved.length}):` : "Ingen verdier er endret.");
  for (const m of moved) {
    const region = inputs.data.regions.get(m.region)?.name ?? m.region;
    out(`  ${m.indicator} / ${region} / ${m.year}: ${m.before} → ${m.after}   (${m.detail})`);
  }
  const sentences = sentencesToReread(before, inputs.data, inputs.definition, inputs.commentary, inputs.definitionFile);
  out(sentences.length ? `Setninger som må leses på nytt (${sentences.length}):` : "Ingen setninger i kommentarene viser andre tall.");
  for (const s of sentences) out(`  ${s.file}:${s.line}: ${s.before} → ${s.after}: «${s.sentence}»`);
  return sentences.length;
}
