import { z } from "zod";
import { id, regionId, year } from "../../config/fields.js";
import type { TableCell } from "../../types/model.js";
import { axisTitle, captionOf, indicatorOf, regionName } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, originOf, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/**
 * Indicators as rows; one column group per year, one column per region
 * (nasjonale prøver). The chart shows the latest year.
 */
export const matrix = defineExhibitKind({
  kind: "matrix",
  fields: {
    indicators: z.array(id).min(1),
    regions: z.array(regionId).min(1),
    years: z.array(year).min(1),
    /** Header of the row-label column, e.g. "Trinn". */
    stub: z.string().default(""),
    /** Text before the year in the column-group header, e.g. "Resultat". */
    group_prefix: z.string().optional(),
  },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: exhibit.indicators, regions: exhibit.regions }),
  coverage: (exhibit) => {
    const years = exhibit.table ? exhibit.years : [Math.max(...exhibit.years)];
    return { shown: exhibit.indicators.flatMap((indicator) => exhibit.regions.map((region) => ({ indicator, region, years }))) };
  },
  build: (exhibit, context) => {
    const { data } = context;
    const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
    const first = indicators[0]!;
    const caption = captionOf(exhibit, first.title);
    const shown = shownValues(indicators, exhibit.regions, exhibit.years);
    const source = sourceOf(context, indicators, shown);
    const names = exhibit.regions.map((r) => data.regions.get(r)?.short_name ?? r);
    const groupRow: TableCell[] = [{ text: "" }, ...exhibit.years.map((year) => ({ text: exhibit.group_prefix ? `${exhibit.group_prefix} ${year}` : String(year), colSpan: names.length }))];
    const regionRow: TableCell[] = [{ text: exhibit.stub }, ...exhibit.years.flatMap(() => names.map((text) => ({ text })))];
    const rows = indicators.map((indicator) => ({
      label: indicator.short_title,
      cells: exhibit.years.flatMap((year) => exhibit.regions.map((region) => observedCell(context, { indicator, region, year }))),
    }));
    const latest = Math.max(...exhibit.years);
    return {
      table: { caption, source, notes: provenanceNotes(context, shown), header: [groupRow, regionRow], rows },
      chart: {
        caption: `${caption}, ${latest}`,
        source,
        notes: provenanceNotes(context, shownValues(indicators, exhibit.regions, [latest]), { symbols: false }),
        data: {
          layout: "grouped",
          categories: indicators.map((i) => i.short_title),
          series: exhibit.regions.map((region) => ({
            key: region,
            name: regionName(context, region),
            color: context.colors.get(region) ?? "#767676",
            values: indicators.map((indicator) => data.value(indicator.id, region, latest) ?? null),
            origins: indicators.map((indicator) => originOf(context, { indicator, region, year: latest })),
          })),
          axisTitle: axisTitle(first),
          percent: first.unit === "prosent",
          decimals: first.decimals,
        },
      },
    };
  },
});
