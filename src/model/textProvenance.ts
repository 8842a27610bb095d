import type { Dataset } from "../data/dataset.js";
import { formatValue, joinNorwegian } from "../format/norwegian.js";
import type { SectionCommentary } from "../narrative/loadCommentary.js";
import type { ParagraphBlock } from "../types/model.js";

/**
 * A closing note for a section whose commentary prints numbers that were
 * read from the prose of the source document rather than from a table, or
 * computed from such numbers, so the reader knows which figures those are
 * and how they came about: "hentet fra teksten" for a number the prose
 * states, "beregnet fra tall i teksten" for one worked out from them (a
 * derived indicator, or a row whose note says the source only implies it:
 * "Avledet i kilden: …").
 */
export function reconstructedTextNote(section: SectionCommentary | undefined, data: Dataset, average: string): ParagraphBlock | undefined {
  if (!section) return undefined;
  const read: string[] = [];
  const computed: string[] = [];
  for (const use of section.expressions) {
    const indicator = data.indicators.get(use.indicator);
    if (!indicator) continue;
    const regions = use.helper === "avvik" ? [...use.regions, average] : use.regions;
    for (const region of regions) {
      for (const year of use.years) {
        const row = data.observation(use.indicator, region, year)?.value;
        if (row?.basis !== "tekst" || row.value === undefined) continue;
        const text = `${indicator.short_title} for ${data.regions.get(region)?.name ?? region} ${year} (${formatValue(row.value, indicator.unit, indicator.decimals)}${indicator.unit === "kr" ? " kr" : ""})`;
        const list = indicator.derivedFrom || DERIVED_NOTE.test(row.note) ? computed : read;
        if (!list.includes(text)) list.push(text);
      }
    }
  }
  if (read.length === 0 && computed.length === 0) return undefined;
  const sentences = [
    ...(read.length ? [`${numbers(read)} er hentet fra teksten i kildedokumentet, ikke fra en tabell.`] : []),
    ...(computed.length ? [`${numbers(computed)} er beregnet fra tall i teksten i kildedokumentet, ikke hentet fra en tabell.`] : []),
  ];
  return { type: "paragraph", children: [{ type: "emphasis", children: [{ type: "text", text: `Merk: ${sentences.join(" ")}` }] }] };
}

/** The note of a row the source only implies ("Avledet i kilden: Oslo 136 522 kr er 28 349 kr mer …"). */
const DERIVED_NOTE = /^Avledet\b/;

const numbers = (named: readonly string[]) => `${named.length === 1 ? "Tallet" : "Tallene"} for ${joinNorwegian(named)}`;
