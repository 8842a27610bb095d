import { id, year } from "../../config/fields.js";
import { locationOf } from "../../config/locations.js";
import { ReportError } from "../../errors.js";
import { formatNumber } from "../../format/norwegian.js";
import { msg } from "../../messages/catalogue.js";
import { captionOf, indicatorOf, regionName } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

/** Production index, cost index and the efficiency computed from them (a derived indicator), all against the average = 100. */
export const efficiency = defineExhibitKind({
  kind: "efficiency",
  fields: { production: id, cost: id, efficiency: id, year },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: [exhibit.production, exhibit.cost, exhibit.efficiency] }),
  coverage: (exhibit, { definition }) => {
    const region = definition.municipality;
    const indicators = [exhibit.production, exhibit.cost, exhibit.efficiency];
    return {
      shown: indicators.map((indicator) => ({ indicator, region, years: [exhibit.year] })),
      required: indicators.map((indicator) => ({ indicator, regions: [region], year: exhibit.year })),
    };
  },
  build: (exhibit, context) => {
    const { definition, data } = context;
    const region = definition.municipality;
    const production = indicatorOf(context, exhibit.production);
    const cost = indicatorOf(context, exhibit.cost);
    const derived = indicatorOf(context, exhibit.efficiency);
    const p = data.value(production.id, region, exhibit.year);
    const c = data.value(cost.id, region, exhibit.year);
    const efficiency = data.value(derived.id, region, exhibit.year);
    if (p === undefined || c === undefined || efficiency === undefined) {
      // The completeness check stops the build before this; a caller that skips it still gets a located error.
      const lacking = p === undefined ? production : c === undefined ? cost : derived;
      const location = locationOf(exhibit);
      throw new ReportError(msg.model.requiredValueMissing(exhibit.id, lacking.id, regionName(context, region), exhibit.year), location ? { location } : {});
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
      chart: { caption, source, notes, data: indexChartData(context, region, points) },
      table: {
        caption,
        source,
        notes,
        header: [[{ text: "Indikator" }, { text: `${regionName(context, region)} (${average} = ${formatNumber(100)})` }]],
        rows: points.map((point) => ({ label: point.label, cells: [{ text: formatNumber(point.value, 1), value: point.value }] })),
      },
    };
  },
});
