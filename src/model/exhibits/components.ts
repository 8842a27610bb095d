import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import {
  captionOf, indicatorOf, regionName, type ExhibitContext, type ExhibitDraft,
} from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

type Components = Extract<ExhibitDefinition, { kind: "components" }>;

/** Index values (average = 100) of single components, e.g. of the production index. */
export function buildComponents(exhibit: Components, context: ExhibitContext): ExhibitDraft {
  const { definition, data } = context;
  const region = definition.municipality;
  const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
  const caption = `${captionOf(exhibit, "Indikatorer")} ${exhibit.year}`;
  const shown = shownValues(indicators, [region], [exhibit.year]);
  const source = sourceOf(context, indicators, shown);
  const points = indicators.map((indicator) => ({ label: indicator.short_title, value: data.value(indicator.id, region, exhibit.year) ?? null }));
  const unknown = indicators.filter((i) => data.value(i.id, region, exhibit.year) === undefined);
  const rows = indicators.map((indicator) => ({
    label: indicator.title,
    cells: [observedCell(context, { indicator, region, year: exhibit.year })],
  }));
  const chartNotes = [
    ...(unknown.length ? [`Kilden oppgir ikke verdien for ${unknown.map((i) => i.short_title).join(", ")}.`] : []),
    ...provenanceNotes(context, shown, { symbols: false }),
  ];
  return {
    ...(exhibit.chart ? { chart: { id: `figur-${exhibit.id}`, caption, source, notes: chartNotes, data: indexChartData(context, region, points) } } : {}),
    ...(exhibit.table
      ? {
          table: {
            id: `tabell-${exhibit.id}`,
            caption,
            source,
            notes: [...provenanceNotes(context, shown), ...(exhibit.note ? [exhibit.note] : [])],
            header: [[{ text: "Indikator" }, { text: `${regionName(context, region)} (${regionName(context, definition.average)} = 100)` }]],
            rows,
          },
        }
      : {}),
  };
}
