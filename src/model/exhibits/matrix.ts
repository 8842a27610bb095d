import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import type { TableCell } from "../types.js";
import {
  axisTitle, captionOf, indicatorOf, regionName, type ExhibitContext, type ExhibitDraft,
} from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

type Matrix = Extract<ExhibitDefinition, { kind: "matrix" }>;

/** Indicators as rows; one column group per year, one column per region. */
export function buildMatrix(exhibit: Matrix, context: ExhibitContext): ExhibitDraft {
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
    ...(exhibit.table
      ? { table: { id: `tabell-${exhibit.id}`, caption, source, notes: [...(exhibit.note ? [exhibit.note] : []), ...provenanceNotes(context, shown)], header: [groupRow, regionRow], rows } }
      : {}),
    ...(exhibit.chart
      ? {
          chart: {
            id: `figur-${exhibit.id}`,
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
              })),
              axisTitle: axisTitle(first),
              percent: first.unit === "prosent",
              decimals: first.decimals,
            },
          },
        }
      : {}),
  };
}
