import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatYear } from "../../format/norwegian.js";
import { captionOf, headerRow, indicatorOf, unitSuffix, type ExhibitContext, type ExhibitDraft } from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

type KeyFigures = Extract<ExhibitDefinition, { kind: "keyfigures" }>;

/**
 * Nøkkeltall: one region's indicators (rows) over the chosen years
 * (columns). A value the data does not hold prints SSB's ".." with its
 * footnote; nothing is filled in.
 */
export function buildKeyFigures(exhibit: KeyFigures, context: ExhibitContext): ExhibitDraft {
  const region = exhibit.region ?? context.definition.municipality;
  const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
  const shown = shownValues(indicators, [region], exhibit.years);
  return {
    table: {
      id: `tabell-${exhibit.id}`,
      caption: captionOf(exhibit, "Nøkkeltall"),
      source: sourceOf(context, indicators, shown),
      notes: [...(exhibit.note ? [exhibit.note] : []), ...provenanceNotes(context, shown)],
      header: [headerRow("Indikator", exhibit.years.map(formatYear))],
      rows: indicators.map((indicator) => ({
        label: indicator.title + unitSuffix(indicator),
        cells: exhibit.years.map((year) => observedCell(context, { indicator, region, year })),
      })),
    },
  };
}
