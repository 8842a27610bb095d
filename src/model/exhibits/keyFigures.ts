import { z } from "zod";
import { id, regionId, year } from "../../config/fields.js";
import { formatYear } from "../../format/norwegian.js";
import { captionOf, headerRow, indicatorOf, unitSuffix } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/**
 * Nøkkeltall, as an annual report shows them: one region's indicators (rows)
 * over the chosen years (columns). A value the data does not hold prints
 * SSB's ".." with its footnote; nothing is filled in.
 */
export const keyfigures = defineExhibitKind({
  kind: "keyfigures",
  fields: {
    indicators: z.array(id).min(1),
    years: z.array(year).min(1),
    /** The municipality unless given. */
    region: regionId.optional(),
  },
  table: "always",
  chart: "never",
  names: (exhibit) => ({ indicators: exhibit.indicators, regions: exhibit.region ? [exhibit.region] : [] }),
  coverage: (exhibit, { definition }) => ({
    shown: exhibit.indicators.map((indicator) => ({ indicator, region: exhibit.region ?? definition.municipality, years: exhibit.years })),
  }),
  build: (exhibit, context) => {
    const region = exhibit.region ?? context.definition.municipality;
    const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
    const shown = shownValues(indicators, [region], exhibit.years);
    return {
      table: {
        caption: captionOf(exhibit, "Nøkkeltall"),
        source: sourceOf(context, indicators, shown),
        notes: provenanceNotes(context, shown),
        header: [headerRow("Indikator", exhibit.years.map(formatYear))],
        rows: indicators.map((indicator) => ({
          label: indicator.title + unitSuffix(indicator),
          cells: exhibit.years.map((year) => observedCell(context, { indicator, region, year })),
        })),
      },
    };
  },
});
