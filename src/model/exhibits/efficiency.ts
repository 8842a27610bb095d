import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { ReportError } from "../../errors.js";
import { formatNumber } from "../../format/norwegian.js";
import { captionOf, indicatorOf, regionName, type ExhibitContext, type ExhibitDraft } from "./context.js";
import { provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

type Efficiency = Extract<ExhibitDefinition, { kind: "efficiency" }>;

/** Production index, cost index and the efficiency computed from them. */
export function buildEfficiency(exhibit: Efficiency, context: ExhibitContext, file: string): ExhibitDraft {
  const { definition, data } = context;
  const region = definition.municipality;
  const production = indicatorOf(context, exhibit.production);
  const cost = indicatorOf(context, exhibit.cost);
  const derived = indicatorOf(context, exhibit.efficiency);
  const p = data.value(production.id, region, exhibit.year);
  const c = data.value(cost.id, region, exhibit.year);
  const efficiency = data.value(derived.id, region, exhibit.year);
  if (p === undefined || c === undefined || efficiency === undefined) {
    throw new ReportError(`no ${p === undefined ? production.id : cost.id} for ${region} in ${exhibit.year}`, {
      location: { file },
      hint: "the efficiency exhibit needs both index values in observations.csv",
    });
  }
  const points = [
    { label: production.short_title, value: p },
    { label: cost.short_title, value: c },
    { label: derived.short_title, value: efficiency },
  ];
  const average = regionName(context, definition.average);
  const caption = `${captionOf(exhibit, "Ressursbruk, produksjon og effektivitet")} ${exhibit.year}`;
  const shown = shownValues([production, cost], [region], [exhibit.year]);
  const source = sourceOf(context, [production, cost], shown, true);
  const note = `${derived.short_title} = ${production.short_title.toLowerCase()} ÷ ${cost.short_title.toLowerCase()} × ${formatNumber(100)}.`;
  const notes = [note, ...provenanceNotes(context, shown)];
  return {
    ...(exhibit.chart ? { chart: { id: `figur-${exhibit.id}`, caption, source, notes, data: indexChartData(context, region, points) } } : {}),
    ...(exhibit.table
      ? {
          table: {
            id: `tabell-${exhibit.id}`,
            caption,
            source,
            notes,
            header: [[{ text: "Indikator" }, { text: `${regionName(context, region)} (${average} = ${formatNumber(100)})` }]],
            rows: points.map((point) => ({ label: point.label, cells: [{ text: formatNumber(point.value, 1), value: point.value }] })),
          },
        }
      : {}),
  };
}
