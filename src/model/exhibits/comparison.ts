import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatYear } from "../../format/norwegian.js";
import {
  axisTitle, captionOf, headerRow, indicatorOf, regionName, unitSuffix, type ExhibitContext, type ExhibitDraft,
} from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/** The stub column's header: a screen reader names the row headers by it. */
const STUB = "Region";

type Comparison = Extract<ExhibitDefinition, { kind: "comparison" }>;

/** One indicator: the report's regions as rows, its years as columns. */
export function buildComparison(exhibit: Comparison, context: ExhibitContext): ExhibitDraft {
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
  const notes = [...(exhibit.note ? [exhibit.note] : []), ...provenanceNotes(context, shown)];
  // A region without any value stays in the data: the alt text says it is missing.
  const series = definition.regions.map((region) => ({
    key: region,
    name: regionName(context, region),
    color: context.colors.get(region) ?? "#767676",
    values: years.map((year) => data.value(indicator.id, region, year) ?? null),
  }));
  return {
    ...(exhibit.table ? { table: { id: `tabell-${exhibit.id}`, caption, source, notes, header: [headerRow(STUB, years.map(formatYear))], rows } } : {}),
    ...(exhibit.chart
      ? {
          chart: {
            id: `figur-${exhibit.id}`,
            caption,
            source,
            notes: [...(exhibit.note ? [exhibit.note] : []), ...provenanceNotes(context, shown, { symbols: false })],
            data: {
              layout: "grouped",
              categories: years.map(formatYear),
              series,
              axisTitle: axisTitle(indicator),
              percent: indicator.unit === "prosent",
              decimals: indicator.decimals,
            },
          },
        }
      : {}),
  };
}
