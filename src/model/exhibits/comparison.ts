import { id } from "../../config/fields.js";
import { formatYear } from "../../format/norwegian.js";
import { axisTitle, captionOf, headerRow, indicatorOf, regionName, unitSuffix } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, originOf, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/** The stub column's header: a screen reader names the row headers by it. */
const STUB = "Region";

/** One indicator, every comparison region, every report year: the report's regions as rows, its years as columns. */
export const comparison = defineExhibitKind({
  kind: "comparison",
  fields: { indicator: id },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: [exhibit.indicator] }),
  coverage: (exhibit, { definition }) => ({
    shown: definition.regions.map((region) => ({ indicator: exhibit.indicator, region, years: definition.years })),
    // A year no region has is a column of ".." (typically a year not yet imported).
    required: definition.years.map((year) => ({ indicator: exhibit.indicator, regions: definition.regions, year })),
  }),
  build: (exhibit, context) => {
    const { definition, data } = context;
    const indicator = indicatorOf(context, exhibit.indicator);
    const caption = captionOf(exhibit, indicator.title) + unitSuffix(indicator);
    const shown = shownValues([indicator], definition.regions, definition.years);
    const source = sourceOf(context, [indicator], shown);
    const years = definition.years;
    const rows = definition.regions.map((region) => ({
      label: regionName(context, region),
      cells: years.map((year) => observedCell(context, { indicator, region, year })),
    }));
    // A region without any value stays in the data: the alt text says it is missing.
    const series = definition.regions.map((region) => ({
      key: region,
      name: regionName(context, region),
      color: context.colors.get(region) ?? "#767676",
      values: years.map((year) => data.value(indicator.id, region, year) ?? null),
      origins: years.map((year) => originOf(context, { indicator, region, year })),
    }));
    return {
      table: { caption, source, notes: provenanceNotes(context, shown), header: [headerRow(STUB, years.map(formatYear))], rows },
      chart: {
        caption,
        source,
        notes: provenanceNotes(context, shown, { symbols: false }),
        data: {
          layout: "grouped",
          categories: years.map(formatYear),
          series,
          axisTitle: axisTitle(indicator),
          percent: indicator.unit === "prosent",
          decimals: indicator.decimals,
        },
      },
    };
  },
});
