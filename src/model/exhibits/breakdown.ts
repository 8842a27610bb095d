import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatYear } from "../../format/norwegian.js";
import { SEQUENTIAL_BLUES } from "../../charts/palette.js";
import {
  axisTitle, captionOf, headerRow, indicatorOf, type ExhibitContext, type ExhibitDraft,
} from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";

/** The stub column's header: a screen reader names the row headers by it. */
const STUB = "Indikator";

type Breakdown = Extract<ExhibitDefinition, { kind: "breakdown" }>;

/** Categories of one region (shares, age groups, hovedtrinn) over the years. */
export function buildBreakdown(exhibit: Breakdown, context: ExhibitContext): ExhibitDraft {
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
  const notes = [...(exhibit.note ? [exhibit.note] : []), ...provenanceNotes(context, shown)];
  const palette = SEQUENTIAL_BLUES;
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
              layout: exhibit.stacked ? "stacked" : "grouped",
              categories: years.map(formatYear),
              series: indicators.map((indicator, i) => ({
                key: indicator.id,
                name: indicator.short_title,
                color: palette[i % palette.length]!,
                values: years.map((year) => data.value(indicator.id, region, year) ?? null),
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
