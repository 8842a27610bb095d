import { z } from "zod";
import { id, regionId, reportYear, year } from "../../config/fields.js";
import { formatYear } from "../../format/norwegian.js";
import { captionOf, headerRow, indicatorOf, regionName, unitSuffix } from "./context.js";
import { defineExhibitKind, type FieldProblem } from "./kind.js";
import { msg } from "../../messages/catalogue.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/**
 * A key-figure box: one indicator's value for the municipality in one year
 * (the report year unless given), with the values it is compared with, as a
 * small table: the municipality first, then the comparison regions.
 *
 * ```yaml
 * - id: gruppestorrelse-2024
 *   kind: highlight
 *   indicator: gruppestorrelse-1
 *   compare: [asss-med-oslo]     # the report's other regions unless given
 * ```
 */
export const highlight = defineExhibitKind({
  kind: "highlight",
  fields: {
    indicator: id,
    year: year.optional(),
    compare: z.array(regionId).optional(),
  },
  table: "always",
  chart: "never",
  names: (exhibit) => ({ indicators: [exhibit.indicator], regions: exhibit.compare ?? [] }),
  coverage: (exhibit, { definition }) => {
    const year = exhibit.year ?? reportYear(definition);
    return {
      shown: regionsOf(exhibit, definition).map((region) => ({ indicator: exhibit.indicator, region, years: [year] })),
      // The box is there for the municipality's figure.
      required: [{ indicator: exhibit.indicator, regions: [definition.municipality], year }],
    };
  },
  problems: (exhibit, frame) => {
    const problems: FieldProblem[] = [];
    if (exhibit.year !== undefined && !frame.years.includes(exhibit.year)) problems.push({ field: "year", message: msg.model.highlightYearOutside(exhibit.year, frame.years) });
    const twice = exhibit.compare?.find((region, i) => exhibit.compare!.indexOf(region) !== i);
    if (twice !== undefined) problems.push({ field: "compare", message: msg.model.highlightCompareTwice(twice) });
    return problems;
  },
  build: (exhibit, context) => {
    const year = exhibit.year ?? reportYear(context.definition);
    const indicator = indicatorOf(context, exhibit.indicator);
    const regions = regionsOf(exhibit, context.definition);
    const shown = shownValues([indicator], regions, [year]);
    return {
      table: {
        caption: `${captionOf(exhibit, indicator.title)}${unitSuffix(indicator)}, ${formatYear(year)}`,
        source: sourceOf(context, [indicator], shown),
        notes: provenanceNotes(context, shown),
        header: [headerRow("Region", [formatYear(year)])],
        rows: regions.map((region) => ({ label: regionName(context, region), cells: [observedCell(context, { indicator, region, year })] })),
      },
    };
  },
});

/** The municipality, then the regions it is compared with. */
function regionsOf(exhibit: { readonly compare?: readonly string[] | undefined }, definition: { readonly municipality: string; readonly regions: readonly string[] }): string[] {
  const compare = exhibit.compare ?? definition.regions;
  return [definition.municipality, ...compare.filter((region) => region !== definition.municipality)];
}
