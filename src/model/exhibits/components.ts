import { z } from "zod";
import { id, year } from "../../config/fields.js";
import { captionOf, indicatorOf, regionName } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, originOf, provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

/** Index values (average = 100) of single components of the municipality, e.g. of the production index. */
export const components = defineExhibitKind({
  kind: "components",
  fields: { indicators: z.array(id).min(1), year },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: exhibit.indicators }),
  coverage: (exhibit, { definition }) => ({
    shown: exhibit.indicators.map((indicator) => ({ indicator, region: definition.municipality, years: [exhibit.year] })),
  }),
  build: (exhibit, context) => {
    const { definition, data } = context;
    const region = definition.municipality;
    const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
    const caption = `${captionOf(exhibit, "Indikatorer")} ${exhibit.year}`;
    const shown = shownValues(indicators, [region], [exhibit.year]);
    const source = sourceOf(context, indicators, shown);
    const points = indicators.map((indicator) => ({
      label: indicator.short_title,
      value: data.value(indicator.id, region, exhibit.year) ?? null,
      origin: originOf(context, { indicator, region, year: exhibit.year }),
    }));
    const unknown = indicators.filter((i) => data.value(i.id, region, exhibit.year) === undefined);
    return {
      chart: {
        caption,
        source,
        notes: [
          ...(unknown.length ? [`Kilden oppgir ikke verdien for ${unknown.map((i) => i.short_title).join(", ")}.`] : []),
          ...provenanceNotes(context, shown, { symbols: false }),
        ],
        data: indexChartData(context, region, points),
      },
      table: {
        caption,
        source,
        notes: provenanceNotes(context, shown),
        header: [[{ text: "Indikator" }, { text: `${regionName(context, region)} (${regionName(context, definition.average)} = 100)` }]],
        rows: indicators.map((indicator) => ({
          label: indicator.title,
          cells: [observedCell(context, { indicator, region, year: exhibit.year })],
        })),
      },
    };
  },
});
