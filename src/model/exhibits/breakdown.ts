import { z } from "zod";
import { id, regionId } from "../../config/fields.js";
import { formatYear } from "../../format/norwegian.js";
import { SEQUENTIAL_BLUES } from "../../charts/palette.js";
import { axisTitle, captionOf, headerRow, indicatorOf } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, originOf, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/** The stub column's header: a screen reader names the row headers by it. */
const STUB = "Indikator";

/** Categories (shares, age groups, hovedtrinn): several indicators for one region over the years. */
export const breakdown = defineExhibitKind({
  kind: "breakdown",
  fields: {
    indicators: z.array(id).min(1),
    /** The municipality unless given. */
    region: regionId.optional(),
    /** Stacked bars for shares of a whole, grouped bars otherwise. */
    stacked: z.boolean().default(false),
  },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: exhibit.indicators, regions: exhibit.region ? [exhibit.region] : [] }),
  coverage: (exhibit, { definition }) => ({
    shown: exhibit.indicators.map((indicator) => ({ indicator, region: exhibit.region ?? definition.municipality, years: definition.years })),
  }),
  build: (exhibit, context) => {
    const { definition, data } = context;
    const region = exhibit.region ?? definition.municipality;
    const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
    const first = indicators[0]!;
    const caption = captionOf(exhibit, first.title);
    const years = definition.years;
    const shown = shownValues(indicators, [region], years);
    const source = sourceOf(context, indicators, shown);
    const rows = indicators.map((indicator) => ({
      label: indicator.short_title,
      cells: years.map((year) => observedCell(context, { indicator, region, year })),
    }));
    const palette = SEQUENTIAL_BLUES;
    return {
      table: { caption, source, notes: provenanceNotes(context, shown), header: [headerRow(STUB, years.map(formatYear))], rows },
      chart: {
        caption,
        source,
        notes: provenanceNotes(context, shown, { symbols: false }),
        data: {
          layout: exhibit.stacked ? "stacked" : "grouped",
          categories: years.map(formatYear),
          series: indicators.map((indicator, i) => ({
            key: indicator.id,
            name: indicator.short_title,
            color: palette[i % palette.length]!,
            values: years.map((year) => data.value(indicator.id, region, year) ?? null),
            origins: years.map((year) => originOf(context, { indicator, region, year })),
          })),
          axisTitle: axisTitle(first),
          percent: first.unit === "prosent",
          decimals: first.decimals,
        },
      },
    };
  },
});
