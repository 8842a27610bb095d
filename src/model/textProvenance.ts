import type { Dataset } from "../data/dataset.js";
import { formatValue, joinNorwegian } from "../format/norwegian.js";
import type { SectionCommentary } from "../narrative/loadCommentary.js";
import type { ParagraphBlock } from "../types/model.js";

/**
 * A closing note for a section whose commentary prints numbers that were
 * read from the prose of the source document rather than from a table (or
 * computed from such numbers), so the reader knows which figures those are.
 */
export function reconstructedTextNote(section: SectionCommentary | undefined, data: Dataset, average: string): ParagraphBlock | undefined {
  if (!section) return undefined;
  const named: string[] = [];
  for (const use of section.expressions) {
    const indicator = data.indicators.get(use.indicator);
    if (!indicator) continue;
    const regions = use.helper === "avvik" ? [...use.regions, average] : use.regions;
    for (const region of regions) {
      for (const year of use.years) {
        const row = data.observation(use.indicator, region, year)?.value;
        if (row?.basis !== "tekst" || row.value === undefined) continue;
        const text = `${indicator.short_title}${indicator.derivedFrom ? " (regnet ut)" : ""} for ${data.regions.get(region)?.name ?? region} ${year} (${formatValue(row.value, indicator.unit, indicator.decimals)}${indicator.unit === "kr" ? " kr" : ""})`;
        if (!named.includes(text)) named.push(text);
      }
    }
  }
  if (named.length === 0) return undefined;
  return {
    type: "paragraph",
    children: [{ type: "emphasis", children: [{ type: "text", text: `Merk: ${named.length === 1 ? "Tallet" : "Tallene"} for ${joinNorwegian(named)} er hentet fra teksten i kildedokumentet, ikke fra en tabell.` }] }],
  };
}
